import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-bare.ts';

ruleTester.run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web-7d4b9-x2x8q
  ownerReferences:
    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9, uid: 0b8f5e4c-1d5c-4c89-9a5e-0c7e4d6b1f00, controller: true}
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: etcd-node1
  annotations:
    kubernetes.io/config.mirror: 2f1c9a
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.15-0
`,
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
    `apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler
  namespace: kube-system
  labels: {component: kube-scheduler, tier: control-plane}
spec:
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.31.0
`,
  ],
  invalid: [
    {
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ messageId: 'bare', line: 2, column: 7, message: 'Pod "web"' }],
    },
  ],
});
