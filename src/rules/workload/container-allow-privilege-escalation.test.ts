import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-allow-privilege-escalation.ts';

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
    pod('allowPrivilegeEscalation: false'),
    {
      name: 'Windows pods have no such setting',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
    },
    {
      name: 'every kind of container sets it',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait
          image: busybox:1.36
          securityContext: {allowPrivilegeEscalation: false}
      containers:
        - name: migrate
          image: migrate:4
          securityContext: {allowPrivilegeEscalation: false}
`,
    },
  ],
  invalid: [
    {
      yaml: pod('allowPrivilegeEscalation: true'),
      errors: [{ messageId: 'allowed', line: 10, column: 35 }],
    },
    {
      name: 'missing field: points at securityContext',
      yaml: pod('runAsNonRoot: true'),
      errors: [{ messageId: 'notDisabled', line: 9, column: 7 }],
    },
    {
      name: 'a garbage value is not false',
      yaml: pod('allowPrivilegeEscalation: "false"'),
      errors: [{ messageId: 'notDisabled', line: 10, column: 35 }],
    },
    {
      name: 'pod-level settings do not cover it; init container without securityContext',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            allowPrivilegeEscalation: false
`,
      errors: [{ messageId: 'notDisabled', line: 11, column: 11, message: '"setup"' }],
    },
  ],
});
