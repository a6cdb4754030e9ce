import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './host-path-writable.ts';

const pod = (mount: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: agent:1
      volumeMounts:
        - ${mount}
  volumes:
    - name: logs
      hostPath: {path: /var/log}
    - name: tmp
      emptyDir: {}
`;

ruleTester.run(rule, {
  valid: [
    pod('{name: logs, mountPath: /logs, readOnly: true}'),
    pod('{name: tmp, mountPath: /tmp}'),
    pod('{name: missing, mountPath: /x}'),
  ],
  invalid: [
    {
      yaml: pod('{name: logs, mountPath: /logs}'),
      errors: [
        {
          messageId: 'writable',
          line: 10,
          column: 12,
          message: 'host path /var/log read-write at /logs',
        },
      ],
    },
    {
      yaml: pod('{name: logs, mountPath: /logs, readOnly: false}'),
      errors: [{ messageId: 'writable', line: 10, column: 52 }],
    },
    {
      name: 'init container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      volumeMounts:
        - name: host
          mountPath: /host
  containers:
    - name: agent
      image: agent:1
  volumes:
    - name: host
      hostPath:
        path: /opt/agent
`,
      errors: [{ messageId: 'writable', line: 10, column: 11, message: '"setup"' }],
    },
  ],
});
