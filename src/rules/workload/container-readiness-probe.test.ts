import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-readiness-probe.ts';

const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ${container}
`;

ruleTester.run(rule, {
  valid: [
    deployment('readinessProbe: {httpGet: {path: /healthz, port: 8080}}'),
    {
      name: 'Jobs run to completion',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: migrate:4
`,
    },
    {
      name: 'bare pods that do not restart',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: OnFailure
  containers:
    - name: task
      image: task:1
`,
    },
    {
      name: 'plain init containers run to completion',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      readinessProbe: {tcpSocket: {port: 8080}}
`,
    },
  ],
  invalid: [
    {
      yaml: deployment('livenessProbe: {httpGet: {path: /healthz, port: 8080}}'),
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
    },
    {
      name: 'native sidecars are long-running',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: proxy
      image: envoy:1.31
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27
      readinessProbe: {tcpSocket: {port: 8080}}
`,
      errors: [{ messageId: 'missing', line: 7, column: 7, message: '"proxy"' }],
    },
  ],
});
