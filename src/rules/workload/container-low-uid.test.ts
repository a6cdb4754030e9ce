import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-low-uid.ts';

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
    pod('runAsUser: 10000', 'runAsNonRoot: true'),
    pod('runAsUser: 1000', 'runAsUser: 65532'),
    {
      name: 'unset: the image decides, not reported',
      yaml: pod('fsGroup: 2000', 'runAsNonRoot: true'),
    },
    { name: "root is container-run-as-non-root's", yaml: pod('fsGroup: 2000', 'runAsUser: 0') },
    {
      name: 'threshold option',
      yaml: pod('fsGroup: 2000', 'runAsUser: 1000'),
      options: { minUid: 1000 },
    },
    pod('fsGroup: 2000', 'runAsUser: "1000"'),
  ],
  invalid: [
    {
      yaml: pod('fsGroup: 2000', 'runAsUser: 1000'),
      errors: [{ messageId: 'low', line: 12, column: 20, message: 'UID 1000, below 10000' }],
    },
    {
      name: 'pod-level UID inherited by init and regular containers: one finding',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsUser: 101
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ messageId: 'podLow', line: 9, column: 20, message: 'containers "setup", "app"' }],
    },
    {
      name: 'option raises the threshold',
      yaml: pod('fsGroup: 2000', 'runAsUser: 20000'),
      options: { minUid: 65536 },
      errors: [{ messageId: 'low', line: 12, column: 20, message: 'below 65536' }],
    },
  ],
});
