import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './host-path-volume.ts';

const pod = (path: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: agent:1
  volumes:
    - name: data
      hostPath:
        path: ${path}
`;

ruleTester.run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: tmp
      emptyDir: {}
`,
    {
      name: 'allowedPaths covers subdirectories',
      yaml: pod('/var/lib/agent/data'),
      options: { allowedPaths: ['/var/lib/agent/'] },
    },
    pod('""'),
  ],
  invalid: [
    {
      yaml: pod('/var/lib/agent'),
      errors: [{ messageId: 'hostPath', line: 12, column: 15, severity: 'low' }],
    },
    {
      name: 'allowedPaths matches whole path segments',
      yaml: pod('/var/lib/agent-data'),
      options: { allowedPaths: ['/var/lib/agent'] },
      errors: [{ messageId: 'hostPath', line: 12, column: 15 }],
    },
  ],
});
