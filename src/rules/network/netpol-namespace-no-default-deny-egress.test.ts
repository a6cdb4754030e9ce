import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-namespace-no-default-deny-egress.ts';

const namespace = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
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
    `${namespace}---\n${policy('  podSelector: {}\n  policyTypes: [Egress]\n')}`,
    {
      name: 'egress rules imply policyType Egress',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  egress:\n    - to:\n        - namespaceSelector: {}\n')}`,
    },
  ],
  invalid: [
    { yaml: namespace, errors: [{ messageId: 'missing', message: 'egress' }] },
    {
      name: 'without policyTypes and egress rules, a policy isolates ingress only',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  egress: []\n')}`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'an allow-all egress rule',
      yaml: `${namespace}---\n${policy('  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - {}\n')}`,
      errors: [{ messageId: 'missing' }],
    },
  ],
});
