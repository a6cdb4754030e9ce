import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-seccomp-baseline.ts';

const baseline = { pss: { level: 'baseline' as const, version: 'latest' } };

const pod = (name: string, type: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
spec:
  securityContext:
    seccompProfile:
      type: ${type}
  containers:
    - name: web
      image: nginx
`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'annotations are ignored from v1.19',
      yaml: pod('web', 'RuntimeDefault'),
      settings: baseline,
    },
    {
      name: 'restricted replaces this check with seccompProfile_restricted',
      yaml: pod('other', 'Unconfined'),
    },
  ],
  invalid: [
    {
      yaml: pod('web', 'Unconfined'),
      settings: baseline,
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 13,
          message:
            'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined") [PodSecurity baseline:latest]',
        },
      ],
    },
    {
      name: 'policy v1.18 reads the alpha annotations',
      yaml: pod('old', 'Unconfined'),
      settings: { pss: { level: 'baseline', version: 'v1.18' } },
      errors: [
        {
          messageId: 'forbidden',
          line: 6,
          column: 47,
          message:
            'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
        },
      ],
    },
  ],
});
