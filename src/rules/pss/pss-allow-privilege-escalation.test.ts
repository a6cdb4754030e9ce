import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-allow-privilege-escalation.ts';

const pod = (specLines: string, securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${specLines}  containers:
    - name: web
      image: nginx
      securityContext: ${securityContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('', '{ allowPrivilegeEscalation: false }'),
    { name: 'Windows pods are exempt from v1.25', yaml: pod('  os: { name: windows }\n', '{}') },
    {
      name: 'not checked before v1.8',
      yaml: pod('', '{ allowPrivilegeEscalation: true }').replace('name: web', 'name: old'),
      settings: { pss: { level: 'restricted', version: 'v1.7' } },
    },
  ],
  invalid: [
    {
      yaml: pod('', '{}'),
      errors: [
        {
          messageId: 'forbidden',
          line: 9,
          column: 7,
          message:
            'allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false) [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      yaml: pod('', '{ allowPrivilegeEscalation: true }'),
      errors: [{ messageId: 'forbidden', line: 9, column: 52 }],
    },
  ],
});
