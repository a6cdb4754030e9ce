import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './ingress-wildcard-host.ts';

const ingress = (host: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: ${JSON.stringify(host)}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
`;

ruleTester.run(rule, {
  valid: [ingress('shop.example.com'), ingress('')],
  invalid: [
    {
      yaml: ingress('*.example.com'),
      errors: [
        {
          messageId: 'wildcard',
          line: 7,
          column: 13,
          severity: 'low',
          message:
            'Ingress rule host "*.example.com" is a wildcard: every subdomain of example.com reaches this backend.',
        },
      ],
    },
  ],
});
