import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-capabilities-restricted.ts';

const pod = (specLines: string, capabilities: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${specLines}  containers:
    - name: web
      image: nginx
      securityContext:
        capabilities: ${capabilities}
`;

ruleTester.run(rule, {
  valid: [
    pod('', '{ drop: [ALL], add: [NET_BIND_SERVICE] }'),
    { name: 'Windows pods are exempt from v1.25', yaml: pod('  os: { name: windows }\n', '{}') },
    {
      name: 'not checked before v1.22',
      yaml: pod('', '{ add: [SYS_ADMIN] }'),
      settings: { pss: { level: 'restricted', version: 'v1.21' } },
    },
  ],
  invalid: [
    {
      yaml: pod('', '{ drop: [NET_RAW], add: [SYS_ADMIN, NET_BIND_SERVICE] }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 25,
          message:
            'unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"]; container "web" must not include "SYS_ADMIN" in securityContext.capabilities.add) [PodSecurity restricted:latest]',
        },
        { messageId: 'forbidden', line: 10, column: 48 },
      ],
    },
  ],
});
