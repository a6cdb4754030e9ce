import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-run-as-user.ts';

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
    pod('', '{ runAsUser: 1000 }'),
    pod('', '{}'),
    {
      name: 'user-namespace pods are exempt from v1.35',
      yaml: pod('  hostUsers: false\n', '{ runAsUser: 0 }'),
    },
    {
      name: 'not checked before v1.23',
      yaml: pod('  securityContext: { runAsUser: 0 }\n', '{}'),
      settings: { pss: { level: 'restricted', version: 'v1.22' } },
    },
  ],
  invalid: [
    {
      yaml: pod('  securityContext: { runAsUser: 0 }\n', '{ runAsUser: 0 }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 6,
          column: 33,
          message:
            'runAsUser=0 (pod and container "web" must not set runAsUser=0) [PodSecurity restricted:latest]',
        },
        { messageId: 'forbidden', line: 10, column: 37 },
      ],
    },
  ],
});
