import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-selinux-options.ts';

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    ${podContext}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${containerContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('seLinuxOptions: {level: "s0:c123,c456"}', 'runAsNonRoot: true'),
    pod('runAsNonRoot: true', 'seLinuxOptions: {type: container_init_t}'),
    pod('seLinuxOptions: {type: ""}', 'seLinuxOptions: {user: ""}'),
    {
      name: 'allowedTypes option',
      yaml: pod('runAsNonRoot: true', 'seLinuxOptions: {type: my_app_t}'),
      options: { allowedTypes: ['container_t', 'my_app_t'] },
    },
  ],
  invalid: [
    {
      yaml: pod('runAsNonRoot: true', 'seLinuxOptions: {type: spc_t}'),
      errors: [{ messageId: 'type', line: 12, column: 32, severity: 'high' }],
    },
    {
      yaml: pod(
        'seLinuxOptions: {type: my_app_t, user: system_u, role: system_r}',
        'runAsNonRoot: true',
      ),
      errors: [
        { messageId: 'podType', line: 7, column: 28, severity: 'medium' },
        { messageId: 'podUserRole', line: 7, column: 44, message: 'user "system_u"' },
        { messageId: 'podUserRole', line: 7, column: 60, message: 'role "system_r"' },
      ],
    },
  ],
});
