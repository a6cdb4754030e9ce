import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-privileged.ts';

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
    pod('privileged: false'),
    pod('runAsNonRoot: true'),
    pod('privileged: "true"'),
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
  ],
  invalid: [
    {
      yaml: pod('privileged: true'),
      errors: [{ messageId: 'privileged', line: 10, column: 21 }],
    },
    {
      name: 'YAML 1.1 yes, as kubectl reads it',
      yaml: pod('privileged: yes'),
      errors: [{ messageId: 'privileged', line: 10, column: 21 }],
    },
    {
      name: 'init and ephemeral containers',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      securityContext: {privileged: true}
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext:
        privileged: true
`,
      errors: [
        { messageId: 'privileged', line: 9, column: 37, message: '"setup"' },
        { messageId: 'privileged', line: 17, column: 21, message: '"debug"' },
      ],
    },
    {
      name: 'CronJob template',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: busybox:1.36
              securityContext:
                privileged: true
`,
      errors: [{ messageId: 'privileged', line: 15, column: 29 }],
    },
  ],
});
