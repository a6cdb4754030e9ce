import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './workload-namespace-kube-system.ts';

const deployment = (namespace: string, spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  template:
    spec:${spec}
      containers:
        - name: app
          image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [
    deployment('shop'),
    {
      name: 'cluster components mark themselves',
      yaml: deployment('kube-system', '\n      priorityClassName: system-cluster-critical'),
    },
    {
      name: 'kubeadm static pods',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
  labels: {component: kube-apiserver, tier: control-plane}
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.31.0
`,
    },
    {
      name: 'namespaces option',
      yaml: deployment('kube-public'),
      options: { namespaces: ['kube-system'] },
    },
  ],
  invalid: [
    {
      yaml: deployment('kube-system'),
      errors: [{ messageId: 'system', line: 5, column: 14, message: 'kube-system' }],
    },
    { yaml: deployment('kube-node-lease'), errors: [{ messageId: 'system', line: 5, column: 14 }] },
  ],
});
