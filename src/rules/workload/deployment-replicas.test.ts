import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './deployment-replicas.ts';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  ${replicas}
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const hpa = (minReplicas: string, target = 'web') => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}
  ${minReplicas}
  maxReplicas: 10
---
`;

ruleTester.run(rule, {
  valid: [
    deployment('replicas: 3'),
    { name: 'scaled to zero on purpose', yaml: deployment('replicas: 0') },
    {
      name: 'an HPA floor of 2',
      yaml: hpa('minReplicas: 2') + deployment('revisionHistoryLimit: 3'),
    },
    {
      name: 'KEDA manages the count',
      yaml: `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef: {name: web}
---
${deployment('revisionHistoryLimit: 3')}`,
    },
    { name: 'minReplicas option', yaml: deployment('replicas: 1'), options: { minReplicas: 1 } },
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
`,
  ],
  invalid: [
    { yaml: deployment('replicas: 1'), errors: [{ messageId: 'low', line: 7, column: 13 }] },
    {
      yaml: deployment('revisionHistoryLimit: 3'),
      errors: [{ messageId: 'unset', line: 6, column: 1 }],
    },
    {
      name: 'an HPA that may scale down to 1 (its default floor)',
      yaml: hpa('metrics: []') + deployment('replicas: 4'),
      errors: [{ messageId: 'autoscaled', line: 17, column: 13, message: 'down to 1' }],
    },
    {
      name: 'an HPA for another Deployment does not count',
      yaml: hpa('minReplicas: 3', 'api') + deployment('replicas: 1'),
      errors: [{ messageId: 'low', line: 17, column: 13 }],
    },
  ],
});
