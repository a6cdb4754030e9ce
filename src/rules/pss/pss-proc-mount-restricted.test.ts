import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-proc-mount-restricted.ts';

const pod = (name: string, procMount: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostUsers: false
  containers:
    - name: web
      image: nginx
      securityContext:
        procMount: ${procMount}
`;

ruleTester.run(rule, {
  valid: [
    pod('web', 'Default'),
    {
      name: 'before v1.35 the baseline procMount check reports it',
      yaml: pod('old', 'Unmasked'),
      settings: { pss: { level: 'restricted', version: 'v1.34' } },
    },
    {
      name: 'baseline allows it in user namespaces',
      yaml: pod('base', 'Unmasked'),
      settings: { pss: { level: 'baseline', version: 'latest' } },
    },
  ],
  invalid: [
    {
      yaml: pod('web', 'Unmasked'),
      errors: [
        {
          messageId: 'forbidden',
          line: 11,
          column: 20,
          message:
            'procMount (container "web" must not set securityContext.procMount to "Unmasked") [PodSecurity restricted:latest]',
        },
      ],
    },
  ],
});
