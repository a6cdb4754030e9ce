import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-low-gid.ts';

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    ${podContext}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${containerContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('runAsGroup: 10001', 'runAsNonRoot: true'),
    pod('runAsGroup: 0', 'runAsGroup: 10001'),
    pod('fsGroup: 2000', 'runAsNonRoot: true'),
    pod('supplementalGroups: [10001, 20000]', 'runAsGroup: 30000'),
    {
      name: 'threshold option',
      yaml: pod('fsGroup: 2000', 'runAsGroup: 1000'),
      options: { minGid: 1000 },
    },
  ],
  invalid: [
    {
      yaml: pod('fsGroup: 2000', 'runAsGroup: 3000'),
      errors: [{ messageId: 'low', line: 12, column: 21, severity: 'low' }],
    },
    {
      yaml: pod('fsGroup: 2000', 'runAsGroup: 0'),
      errors: [{ messageId: 'rootGroup', line: 12, column: 21, severity: 'medium' }],
    },
    {
      name: 'pod-level GID inherited',
      yaml: pod('runAsGroup: 1000', 'runAsNonRoot: true'),
      errors: [{ messageId: 'podLow', line: 7, column: 17, message: 'containers "app"' }],
    },
    {
      name: 'root group through the pod: runAsGroup, fsGroup and supplementalGroups',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsGroup: 0
    fsGroup: 0
    supplementalGroups: [10001, 0]
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [
        { messageId: 'podRootGroup', line: 7, column: 17, message: 'runAsGroup: 0' },
        { messageId: 'podRootGroup', line: 8, column: 14, message: 'fsGroup: 0' },
        { messageId: 'podRootGroup', line: 9, column: 33, message: 'supplementalGroups: 0' },
      ],
    },
  ],
});
