import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-selinux.ts';

const pod = (options: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seLinuxOptions: ${options}
  containers:
    - name: web
      image: nginx
`;

ruleTester.run(rule, {
  valid: [pod('{ type: container_t, level: "s0:c123,c456" }'), pod('{ type: container_engine_t }')],
  invalid: [
    {
      yaml: pod('{ type: spc_t, user: system_u }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 7,
          column: 29,
          message:
            'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set)',
        },
        { messageId: 'forbidden', line: 7, column: 42 },
      ],
    },
    {
      name: 'container_engine_t before v1.31',
      yaml: pod('{ type: container_engine_t }').replace('name: web', 'name: old'),
      settings: { pss: { level: 'baseline', version: 'v1.30' } },
      errors: [
        { messageId: 'forbidden', line: 7, column: 29, message: '[PodSecurity baseline:v1.30]' },
      ],
    },
  ],
});
