import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './workload-namespace-default.ts';

const deployment = (metadata: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  ${metadata}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [
    deployment('namespace: shop'),
    { name: 'no namespace: the deploy tool decides', yaml: deployment('labels: {app: web}') },
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
`,
  ],
  invalid: [
    {
      yaml: deployment('namespace: default'),
      errors: [{ messageId: 'explicit', line: 5, column: 14, message: 'Deployment "web"' }],
    },
    {
      yaml: deployment('labels: {app: web}'),
      options: { flagMissingNamespace: true },
      errors: [{ messageId: 'implicit', line: 3, column: 1 }],
    },
  ],
});
