import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './ingress-no-tls.ts';

const backend = '            backend:\n              service: { name: web, port: { number: 80 } }';
const rule_ = (host: string): string =>
  `    - ${host === '' ? '' : `host: ${host}\n      `}http:\n        paths:\n          - path: /\n            pathType: Prefix\n${backend}`;
const ingress = (spec: string, annotations = ''): string =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n${annotations}spec:\n${spec}\n`;

ruleTester.run(rule, {
  valid: [
    ingress(
      `  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:\n${rule_('shop.example.com')}`,
    ),
    ingress(
      `  tls:\n    - hosts: ["*.example.com"]\n      secretName: wildcard-tls\n  rules:\n${rule_('shop.example.com')}\n${rule_('api.example.com')}`,
    ),
    ingress(`  tls:\n    - secretName: default-tls\n  rules:\n${rule_('shop.example.com')}`),
    ingress(
      `  rules:\n${rule_('shop.example.com')}`,
      '  annotations:\n    traefik.ingress.kubernetes.io/router.tls: "true"\n',
    ),
    ingress('  ingressClassName: nginx'),
  ],
  invalid: [
    {
      name: 'no tls at all',
      yaml: ingress(`  rules:\n${rule_('shop.example.com')}\n${rule_('api.example.com')}`),
      errors: [
        {
          messageId: 'noTls',
          line: 5,
          column: 1,
          severity: 'medium',
          message:
            'Ingress serves "shop.example.com", "api.example.com" over plain HTTP: it has no spec.tls section.',
        },
      ],
    },
    {
      name: 'catch-all rule',
      yaml: ingress(`  rules:\n${rule_('')}`),
      errors: [{ messageId: 'noTls', message: 'serves every host over plain HTTP' }],
    },
    {
      name: 'default backend only, extensions/v1beta1',
      yaml: `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n`,
      errors: [{ messageId: 'noTls', message: 'every host' }],
    },
    {
      name: 'a host missing from tls, and a wildcard covering one label only',
      yaml: ingress(
        `  tls:\n    - hosts: [shop.example.com, "*.example.com"]\n      secretName: shop-tls\n  rules:\n${rule_('shop.example.com')}\n${rule_('admin.example.org')}\n${rule_('a.b.example.com')}`,
      ),
      errors: [
        {
          messageId: 'hostNotCovered',
          line: 17,
          column: 13,
          message: 'Ingress host "admin.example.org"',
        },
        {
          messageId: 'hostNotCovered',
          line: 24,
          column: 13,
          message: 'Ingress host "a.b.example.com"',
        },
      ],
    },
  ],
});
