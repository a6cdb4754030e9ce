import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './deployment-pod-disruption-budget.ts';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const pdb = (
  selector: string,
  namespace = 'shop',
  apiVersion = 'policy/v1',
) => `apiVersion: ${apiVersion}
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: ${namespace}
spec:
  maxUnavailable: 1
  ${selector}
---
`;

ruleTester.run(rule, {
  valid: [
    pdb('selector: {matchLabels: {app: web}}') + deployment('3'),
    pdb('selector: {matchExpressions: [{key: tier, operator: In, values: [frontend, api]}]}') +
      deployment('3'),
    {
      name: 'policy/v1: an empty selector selects every pod of the namespace',
      yaml: pdb('selector: {}') + deployment('2'),
    },
    { name: "one replica is deployment-replicas's", yaml: deployment('1') },
  ],
  invalid: [
    {
      yaml: deployment('3'),
      errors: [{ messageId: 'missing', line: 12, column: 7, message: 'runs 3 replicas' }],
    },
    {
      name: 'a budget for other pods',
      yaml: pdb('selector: {matchLabels: {app: api}}') + deployment('2'),
      errors: [{ messageId: 'missing', line: 21, column: 7 }],
    },
    {
      name: 'a budget in another namespace',
      yaml: pdb('selector: {matchLabels: {app: web}}', 'other') + deployment('2'),
      errors: [{ messageId: 'missing', line: 21, column: 7 }],
    },
    {
      name: 'policy/v1beta1: an empty selector selects nothing; a missing selector neither',
      yaml:
        pdb('selector: {}', 'shop', 'policy/v1beta1') + pdb('minAvailable: 1') + deployment('2'),
      errors: [{ messageId: 'missing', line: 30, column: 7 }],
    },
  ],
});
