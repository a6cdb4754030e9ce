import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-sysctls.ts';

const pod = (name: string, sysctl: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
      - name: ${sysctl}
        value: "1"
  containers:
    - name: web
      image: nginx
`;

ruleTester.run(rule, {
  valid: [pod('web', 'net.ipv4.tcp_syncookies'), pod('new', 'net.ipv4.tcp_notsent_lowat')],
  invalid: [
    {
      yaml: pod('web', 'kernel.msgmax'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 15,
          message: 'forbidden sysctls (kernel.msgmax) [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      name: 'safe only from v1.37',
      yaml: pod('old', 'net.ipv4.tcp_notsent_lowat'),
      settings: { pss: { level: 'baseline', version: 'v1.36' } },
      errors: [
        { messageId: 'forbidden', line: 10, column: 15, message: '[PodSecurity baseline:v1.36]' },
      ],
    },
  ],
});
