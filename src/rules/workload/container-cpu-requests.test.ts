import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-cpu-requests.ts';

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources: ${resources}
`;

ruleTester.run(rule, {
  valid: [
    { name: 'a limit defaults the request', yaml: pod('{limits: {cpu: "1"}}') },
    {
      name: 'a LimitRange defaultRequest',
      yaml: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      defaultRequest: {cpu: "1"}
---
${pod('{}')}`,
    },
    pod('{requests: {cpu: "1"}}'),
    {
      name: 'pod-level resources bound every container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  resources:
    requests: {cpu: "1"}
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'a LimitRange default of the namespace, in the scanned input',
      yaml: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default: {cpu: "1"}
---
${pod('{}')}`,
    },
    {
      name: 'ephemeral containers take no resources',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources: {requests: {cpu: "1"}}
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
  ],
  invalid: [
    {
      name: 'no resources at all: points at the container',
      yaml: `apiVersion: apps/v1
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
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
    },
    {
      name: 'other resources only: points at the closest existing key',
      yaml: pod('{requests: {memory: "1"}}'),
      errors: [{ messageId: 'missing', line: 10, column: 19 }],
    },
    {
      name: 'a LimitRange of another namespace does not count; init containers count',
      yaml: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: other
spec:
  limits:
    - type: Container
      default: {cpu: "1"}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: {cpu: "1"}
`,
      errors: [{ messageId: 'missing', line: 18, column: 7, message: '"setup"' }],
    },
  ],
});
