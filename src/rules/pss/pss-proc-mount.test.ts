import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-proc-mount.ts';

const baseline = { pss: { level: 'baseline' as const, version: 'latest' } };

const pod = (name: string, hostUsers: string, procMount: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostUsers: ${hostUsers}
  containers:
    - name: web
      image: nginx
      securityContext:
        procMount: ${procMount}
`;

ruleTester.run(rule, {
  valid: [
    { yaml: pod('web', 'true', 'Default'), settings: baseline },
    {
      name: 'user-namespace pod, baseline v1.35+',
      yaml: pod('userns', 'false', 'Unmasked'),
      settings: baseline,
    },
    {
      name: 'restricted v1.35+ runs procMount_restricted instead',
      yaml: pod('restricted', 'true', 'Unmasked'),
    },
  ],
  invalid: [
    {
      yaml: pod('web', 'true', 'Unmasked'),
      settings: baseline,
      errors: [
        {
          messageId: 'forbidden',
          line: 11,
          column: 20,
          message:
            'procMount (container "web" must not set securityContext.procMount to "Unmasked") [PodSecurity baseline:latest]',
        },
      ],
    },
    {
      name: 'user namespaces relax nothing before v1.35',
      yaml: pod('old', 'false', 'Unmasked'),
      settings: { pss: { level: 'baseline', version: 'v1.34' } },
      errors: [{ messageId: 'forbidden', line: 11, column: 20 }],
    },
  ],
});
