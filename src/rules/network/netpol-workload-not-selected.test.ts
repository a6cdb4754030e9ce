import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-workload-not-selected.ts';

const deployment = (labels = 'app: web', ns = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { ${labels} }
    spec:
      containers:
        - name: web
          image: nginx
`;
const policy = (spec: string, ns = 'shop') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: ${ns}
spec:
${spec}`;

ruleTester.run(rule, {
  valid: [
    `${deployment()}---\n${policy('  podSelector:\n    matchLabels: { app: web }\n')}`,
    {
      name: 'default deny selects every pod',
      yaml: `${deployment()}---\n${policy('  podSelector: {}\n  policyTypes: [Egress]\n')}`,
    },
    {
      name: 'matchExpressions with NotIn matches pods without the key',
      yaml: `${deployment()}---\n${policy('  podSelector:\n    matchExpressions:\n      - { key: tier, operator: NotIn, values: [db] }\n')}`,
    },
    {
      name: 'pods owned by a controller are left to the controller',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
  ownerReferences:
    - { apiVersion: apps/v1, kind: ReplicaSet, name: web-5d, controller: true, uid: x }
spec:
  containers:
    - name: web
      image: nginx
`,
    },
    {
      name: 'both directions covered',
      yaml: `${deployment()}---\n${policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n')}`,
      options: { requireBothDirections: true },
    },
  ],
  invalid: [
    {
      yaml: deployment(),
      errors: [{ messageId: 'none', line: 11, message: 'Deployment "web"' }],
    },
    {
      name: 'a policy in another namespace does not select the pods',
      yaml: `${deployment()}---\n${policy('  podSelector: {}\n', 'other')}`,
      errors: [{ messageId: 'none' }],
    },
    {
      name: 'matchLabels must all match',
      yaml: `${deployment()}---\n${policy('  podSelector:\n    matchLabels: { app: web, tier: front }\n')}`,
      errors: [{ messageId: 'none' }],
    },
    {
      name: 'a bare pod',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: debug
      image: busybox
`,
      errors: [{ messageId: 'none', message: 'Pod "debug"' }],
    },
    {
      name: 'ingress only, when both directions are required',
      yaml: `${deployment()}---\n${policy('  podSelector: {}\n')}`,
      options: { requireBothDirections: true },
      errors: [{ messageId: 'egress' }],
    },
    {
      name: 'egress only, when both directions are required',
      yaml: `${deployment()}---\n${policy('  podSelector: {}\n  policyTypes: [Egress]\n')}`,
      options: { requireBothDirections: true },
      errors: [{ messageId: 'ingress' }],
    },
  ],
});
