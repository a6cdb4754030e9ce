import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-host-port.ts';

const pod = (ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: ${ports}
`;

ruleTester.run(rule, {
  valid: [
    pod('[{containerPort: 8080}]'),
    pod('[{containerPort: 8080, hostPort: 0}]'),
    pod('[{containerPort: 8080, hostPort: "80"}]'),
    {
      name: "hostNetwork pods are pod-host-network's",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
      ports: [{containerPort: 80, hostPort: 80}]
`,
    },
  ],
  invalid: [
    {
      yaml: pod('[{containerPort: 8080}, {containerPort: 443, hostPort: 443}]'),
      errors: [{ messageId: 'hostPort', line: 9, column: 69, message: 'host port 443' }],
    },
    {
      name: 'DaemonSet, block style',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ingress
spec:
  template:
    spec:
      containers:
        - name: controller
          image: ingress:1
          ports:
            - containerPort: 80
              hostPort: 80
`,
      errors: [{ messageId: 'hostPort', line: 13, column: 25, message: '"controller"' }],
    },
  ],
});
