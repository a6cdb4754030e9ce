import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-policy-allows-all.ts';

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
${spec}`;

ruleTester.run(rule, {
  valid: [
    policy('  policyTypes: [Ingress]\n'),
    policy('  ingress:\n    - from:\n        - podSelector: {}\n'),
    policy('  ingress:\n    - ports:\n        - port: 443\n'),
    {
      name: 'every pod but not every address',
      yaml: policy('  ingress:\n    - from:\n        - namespaceSelector: {}\n'),
    },
    {
      name: 'every address but not every pod',
      yaml: policy('  egress:\n    - to:\n        - ipBlock: { cidr: 0.0.0.0/0 }\n'),
    },
    {
      name: 'rules of a direction the policy does not isolate are ignored',
      yaml: policy('  policyTypes: [Ingress]\n  egress:\n    - {}\n'),
    },
    {
      name: 'one protocol only',
      yaml: policy('  ingress:\n    - ports:\n        - protocol: TCP\n'),
    },
  ],
  invalid: [
    {
      yaml: policy('  ingress:\n    - {}\n'),
      errors: [{ messageId: 'ingress', line: 9, message: 'Ingress rule 1' }],
    },
    {
      name: 'from: [] is every source',
      yaml: policy('  ingress:\n    - from: []\n      ports: []\n'),
      errors: [{ messageId: 'ingress' }],
    },
    {
      name: 'every pod and every IPv4 address, all protocols listed',
      yaml: policy(`  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {}
        - ipBlock: { cidr: 0.0.0.0/1 }
        - ipBlock: { cidr: 128.0.0.0/1 }
      ports:
        - protocol: TCP
        - protocol: UDP
        - protocol: SCTP
`),
      errors: [{ messageId: 'egress', message: 'Egress rule 1' }],
    },
  ],
});
