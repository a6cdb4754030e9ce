import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-seccomp-restricted.ts';

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
    pod('  securityContext: { seccompProfile: { type: RuntimeDefault } }\n', '{}'),
    pod('', '{ seccompProfile: { type: Localhost, localhostProfile: web.json } }'),
    { name: 'Windows pods are exempt from v1.25', yaml: pod('  os: { name: windows }\n', '{}') },
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
            'seccompProfile (pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost") [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      yaml: pod(
        '  securityContext: { seccompProfile: { type: RuntimeDefault } }\n',
        '{ seccompProfile: { type: Unconfined } }',
      ),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 50,
          message:
            'container "web" must not set securityContext.seccompProfile.type to "Unconfined"',
        },
      ],
    },
  ],
});
