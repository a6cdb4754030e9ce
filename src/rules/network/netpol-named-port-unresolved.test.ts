import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-named-port-unresolved.ts';

const deployment = (name: string, ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
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
          ports:
${ports}`;
const web = deployment('web', '            - { name: http, containerPort: 8080 }\n');
const dns = deployment('dns', '            - { name: dns, containerPort: 53, protocol: UDP }\n');
const policy = (rules: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: web }
${rules}`;

ruleTester.run(rule, {
  valid: [
    `${web}---\n${policy('  ingress:\n    - ports:\n        - port: http\n')}`,
    {
      name: 'egress named ports resolve on the destination',
      yaml: `${web}---\n${dns}---\n${policy('  egress:\n    - to:\n        - podSelector: { matchLabels: { app: dns } }\n      ports:\n        - { port: dns, protocol: UDP }\n')}`,
    },
    {
      name: 'no destination in the input: nothing to judge',
      yaml: policy('  ingress:\n    - ports:\n        - port: metrics\n'),
    },
    {
      name: 'rules of a direction the policy does not isolate are ignored',
      yaml: `${web}---\n${policy('  policyTypes: [Egress]\n  ingress:\n    - ports:\n        - port: metrics\n')}`,
    },
  ],
  invalid: [
    {
      yaml: `${web}---\n${policy('  ingress:\n    - ports:\n        - port: metrics\n')}`,
      errors: [{ messageId: 'missing', line: 29, message: 'port "metrics" (TCP)' }],
    },
    {
      name: 'the name exists with another protocol',
      yaml: `${web}---\n${dns}---\n${policy('  egress:\n    - to:\n        - podSelector: { matchLabels: { app: dns } }\n      ports:\n        - port: dns\n')}`,
      errors: [{ messageId: 'protocol', message: 'declare it as UDP' }],
    },
  ],
});
