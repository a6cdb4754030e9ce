import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-namespace-no-default-deny-ingress.ts';

const namespace = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;
const deployment = (ns: string, name = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: nginx
`;
const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
${spec}`;

ruleTester.run(rule, {
  valid: [
    `${namespace}---\n${policy('  podSelector: {}\n  policyTypes: [Ingress]\n')}`,
    {
      name: 'policyTypes defaults to Ingress',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n')}`,
    },
    {
      name: 'default deny with explicit allowances still counts',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n')}`,
    },
    {
      name: 'namespace reported once, on the Namespace object only when present',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n')}---\n${deployment('shop')}`,
    },
    {
      name: 'ignored namespace',
      yaml: namespace,
      options: { ignoreNamespaces: ['shop'] },
    },
  ],
  invalid: [
    { yaml: namespace, errors: [{ messageId: 'missing', line: 4, message: 'Namespace "shop"' }] },
    {
      name: 'a policy that selects only some pods is not a default deny',
      yaml: `${namespace}---\n${policy('  podSelector:\n    matchLabels: { app: web }\n')}`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'an egress-only policy does not isolate ingress',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  policyTypes: [Egress]\n')}`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a policy whose rule allows everything is no default deny',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  ingress:\n    - {}\n')}`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a policy the API server rejects does not exist',
      yaml: `${namespace}---\n${policy('  podSelector:\n    matchExpressions:\n      - { key: app, operator: In }\n')}`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'without a Namespace object, reported once on the first workload of the namespace',
      yaml: `${deployment('team-a', 'web')}---\n${deployment('team-a', 'api')}---\n${deployment('team-b', 'db')}`,
      errors: [
        { messageId: 'missing', line: 5, message: 'Namespace "team-a"' },
        { messageId: 'missing', line: 37, message: 'Namespace "team-b"' },
      ],
    },
  ],
});
