import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-capabilities-baseline.ts';

const baseline = { pss: { level: 'baseline' as const, version: 'latest' } };

const pod = (name: string, add: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: web
      image: nginx
      securityContext:
        capabilities:
          add: ${add}
`;

ruleTester.run(rule, {
  valid: [
    { yaml: pod('web', '[CHOWN, NET_BIND_SERVICE]'), settings: baseline },
    {
      name: 'restricted replaces this check with capabilities_restricted',
      yaml: pod('other', '[SYS_ADMIN]'),
    },
  ],
  invalid: [
    {
      yaml: pod('web', '[SYS_ADMIN, CHOWN, NET_RAW]'),
      settings: baseline,
      errors: [
        {
          messageId: 'forbidden',
          line: 11,
          column: 17,
          message:
            'non-default capabilities (container "web" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add) [PodSecurity baseline:latest]',
        },
        { messageId: 'forbidden', line: 11, column: 35 },
      ],
    },
    {
      name: 'restricted before v1.22 still runs the baseline check',
      yaml: pod('old', '[NET_ADMIN]'),
      settings: { pss: { level: 'restricted', version: 'v1.21' } },
      errors: [
        { messageId: 'forbidden', line: 11, column: 17, message: '[PodSecurity restricted:v1.21]' },
      ],
    },
  ],
});
