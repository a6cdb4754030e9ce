import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './host-path-sensitive.ts';

const pod = (path: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: agent:1
  volumes:
    - name: host
      hostPath:
        path: ${path}
`;

ruleTester.run(rule, {
  valid: [
    pod('/var/lib/agent'),
    pod('/opt/cni/bin'),
    pod('/etcetera'),
    { name: 'iptables lock is allowed by default', yaml: pod('/run/xtables.lock') },
    {
      name: 'allowedPaths',
      yaml: pod('/var/log/app'),
      options: { paths: ['/var/log'], allowedPaths: ['/var/log/app'] },
    },
    {
      name: 'paths option replaces the list',
      yaml: pod('/etc/ssl/certs'),
      options: { paths: ['/proc'] },
    },
  ],
  invalid: [
    {
      yaml: pod('/var/run/docker.sock'),
      errors: [{ messageId: 'socket', line: 12, column: 15, severity: 'critical' }],
    },
    {
      name: 'socket under a custom path, by name',
      yaml: pod('/var/snap/microk8s/common/run/containerd.sock'),
      errors: [{ messageId: 'socket', line: 12, column: 15, severity: 'critical' }],
    },
    {
      name: 'a directory that contains a runtime socket',
      yaml: pod('/run/containerd/'),
      errors: [{ messageId: 'socket', line: 12, column: 15, severity: 'critical' }],
    },
    { yaml: pod('/'), errors: [{ messageId: 'root', line: 12, column: 15, severity: 'critical' }] },
    {
      yaml: pod('/etc'),
      errors: [{ messageId: 'sensitive', line: 12, column: 15, severity: 'high' }],
    },
    {
      name: 'inside a sensitive path, after normalisation',
      yaml: pod('/var//lib/../lib/kubelet/pods'),
      errors: [{ messageId: 'inside', line: 12, column: 15, message: 'inside /var/lib/kubelet' }],
    },
    {
      name: 'a parent of the runtime socket',
      yaml: pod('/var'),
      errors: [{ messageId: 'socket', line: 12, column: 15, message: 'through /var' }],
    },
    {
      name: 'a parent of a sensitive path',
      yaml: pod('/var/lib'),
      errors: [
        { messageId: 'contains', line: 12, column: 15, message: 'contains /var/lib/kubelet' },
      ],
    },
    {
      name: 'Deployment, several volumes',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: collector
spec:
  template:
    spec:
      containers:
        - name: collector
          image: collector:1
      volumes:
        - name: logs
          hostPath: {path: /var/log}
        - name: config
          configMap: {name: collector}
        - name: proc
          hostPath: {path: /proc, type: Directory}
`,
      errors: [
        { messageId: 'sensitive', line: 13, column: 28, message: '/var/log' },
        { messageId: 'sensitive', line: 17, column: 28, message: "the host's processes" },
      ],
    },
  ],
});
