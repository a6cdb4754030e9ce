import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-ingress-from-internet.ts';

const deployment = (name: string) => `apiVersion: apps/v1
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
            - containerPort: 8080
`;
const policy = (app: string, from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app}
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: ${app} }
  ingress:
    - ${from}ports:
        - port: 8080
`;
const service = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: ${type}
  selector: { app: web }
  ports:
    - port: 80
      targetPort: 8080
`;
const internet = 'from:\n        - ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] }\n      ';

ruleTester.run(rule, {
  valid: [
    `${deployment('web')}---\n${service('LoadBalancer')}---\n${policy('web', internet)}`,
    `${deployment('web')}---\n${service('NodePort')}---\n${policy('web', internet)}`,
    {
      name: 'behind an Ingress',
      yaml: `${deployment('web')}---\n${service('ClusterIP')}---\n${policy('web', internet)}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
`,
    },
    {
      name: 'a partner range is not the internet',
      yaml: `${deployment('db')}---\n${policy('db', 'from:\n        - ipBlock: { cidr: 203.0.113.0/24 }\n      ')}`,
    },
    { name: 'selects no workload of the input', yaml: policy('db', internet) },
  ],
  invalid: [
    {
      yaml: `${deployment('db')}---\n${policy('db', internet)}`,
      errors: [{ messageId: 'internet', line: 28, message: 'shop/db[Deployment]' }],
    },
    {
      name: 'no from: every source',
      yaml: `${deployment('db')}---\n${policy('db', '')}`,
      errors: [{ messageId: 'internet', message: 'every source' }],
    },
    {
      name: 'a ClusterIP Service does not publish',
      yaml: `${deployment('web')}---\n${service('ClusterIP')}---\n${policy('web', 'from:\n        - ipBlock: { cidr: "::/0" }\n      ')}`,
      errors: [{ messageId: 'internet', message: 'ipBlock ::/0' }],
    },
  ],
});
