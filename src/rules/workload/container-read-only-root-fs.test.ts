import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-read-only-root-fs.ts';

const pod = (securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${securityContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('readOnlyRootFilesystem: true'),
    {
      name: 'ephemeral debug containers are not checked',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {readOnlyRootFilesystem: true}
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
    {
      name: 'Windows pods',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
    - name: app
      image: app:1
`,
    },
  ],
  invalid: [
    {
      yaml: pod('readOnlyRootFilesystem: false'),
      errors: [{ messageId: 'writable', line: 10, column: 33 }],
    },
    { yaml: pod('runAsNonRoot: true'), errors: [{ messageId: 'notSet', line: 9, column: 7 }] },
    {
      name: 'init containers too',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      initContainers:
        - name: chown
          image: busybox:1.36
          securityContext:
            readOnlyRootFilesystem: no
      containers:
        - name: db
          image: postgres:16
          securityContext:
            readOnlyRootFilesystem: true
`,
      errors: [{ messageId: 'writable', line: 12, column: 37, message: '"chown"' }],
    },
  ],
});
