import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-capabilities-drop-all.ts';

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
    pod('capabilities: {drop: [ALL]}'),
    pod('capabilities: {drop: [all], add: [NET_BIND_SERVICE]}'),
    pod('capabilities: {drop: [CAP_ALL]}'),
    { name: "privileged containers are container-privileged's", yaml: pod('privileged: true') },
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
      name: 'no capabilities: points at securityContext',
      yaml: pod('runAsNonRoot: true'),
      errors: [{ messageId: 'missing', line: 9, column: 7 }],
    },
    {
      yaml: pod('capabilities: {drop: [NET_RAW, SETUID]}'),
      errors: [
        {
          messageId: 'partial',
          line: 10,
          column: 24,
          message: 'drops NET_RAW, SETUID but not ALL',
        },
      ],
    },
    {
      name: 'no securityContext at all, init container',
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
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
      errors: [{ messageId: 'missing', line: 7, column: 7, message: '"setup"' }],
    },
  ],
});
