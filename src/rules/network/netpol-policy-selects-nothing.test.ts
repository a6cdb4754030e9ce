import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-policy-selects-nothing.ts';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx
`;
const policy = (selector: string, ns = 'shop') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: ${ns}
spec:
  podSelector: ${selector}
`;

ruleTester.run(rule, {
  valid: [
    `${deployment}---\n${policy('{ matchLabels: { app: web } }')}`,
    `${deployment}---\n${policy('{}')}`,
    {
      name: 'no workloads of that namespace in the input: nothing to judge',
      yaml: `${deployment}---\n${policy('{ matchLabels: { app: api } }', 'other')}`,
    },
    { name: 'policies alone', yaml: policy('{ matchLabels: { app: api } }') },
  ],
  invalid: [
    {
      yaml: `${deployment}---\n${policy('{ matchLabels: { app: api } }')}`,
      errors: [{ messageId: 'nothing', line: 23, message: 'app=api' }],
    },
    {
      name: 'DoesNotExist on a label every pod has',
      yaml: `${deployment}---\n${policy('{ matchExpressions: [{ key: app, operator: DoesNotExist }] }')}`,
      errors: [{ messageId: 'nothing' }],
    },
  ],
});
