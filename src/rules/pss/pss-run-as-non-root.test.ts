import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-run-as-non-root.ts';

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
    pod('  securityContext: { runAsNonRoot: true }\n', '{}'),
    pod('', '{ runAsNonRoot: true }'),
    { name: 'user-namespace pods are exempt from v1.35', yaml: pod('  hostUsers: false\n', '{}') },
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
            'runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true) [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      name: 'a container cannot opt out of the pod setting',
      yaml: pod('  securityContext: { runAsNonRoot: true }\n', '{ runAsNonRoot: false }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 40,
          message: 'container "web" must not set securityContext.runAsNonRoot=false',
        },
      ],
    },
    {
      name: 'user namespaces relax nothing before v1.35',
      yaml: pod('  hostUsers: false\n', '{ runAsNonRoot: false }'),
      settings: { pss: { level: 'restricted', version: 'v1.34' } },
      errors: [{ messageId: 'forbidden', line: 10, column: 40 }],
    },
  ],
});
