import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-unsafe-sysctls.ts';

const pod = (sysctls: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls: ${sysctls}
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [
    pod(
      '[{name: net.ipv4.ip_local_port_range, value: "1024 65535"}, {name: kernel.shm_rmid_forced, value: "1"}]',
    ),
    pod('[{name: net/ipv4/tcp_syncookies, value: "1"}]'),
    pod('[{value: "1"}, "net.core.somaxconn"]'),
    {
      name: 'allowedSysctls with a prefix',
      yaml: pod('[{name: net.core.somaxconn, value: "1024"}]'),
      options: { allowedSysctls: ['net.core.*'] },
    },
  ],
  invalid: [
    {
      yaml: pod(
        '[{name: net.ipv4.tcp_syncookies, value: "1"}, {name: kernel.msgmax, value: "65536"}]',
      ),
      errors: [{ messageId: 'unsafe', line: 7, column: 67, message: 'kernel.msgmax' }],
    },
    {
      name: 'slash-separated names are normalised',
      yaml: pod('[{name: net/core/somaxconn, value: "1024"}]'),
      errors: [{ messageId: 'unsafe', line: 7, column: 22, message: 'net.core.somaxconn' }],
    },
  ],
});
