import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './service-loadbalancer-source-ranges-open.ts';

const lb = (metadata: string, spec: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${metadata}spec:\n  type: LoadBalancer\n  ports:\n    - port: 443\n${spec}`;

ruleTester.run(rule, {
  valid: [
    lb('', '  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n    - 2001:db8::/32\n'),
    lb(
      '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.0.0/16"\n',
      '',
    ),
    lb('  annotations:\n    networking.gke.io/load-balancer-type: Internal\n', ''),
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 443\n`,
  ],
  invalid: [
    {
      name: 'no source ranges',
      yaml: lb('', ''),
      errors: [{ messageId: 'unrestricted', line: 5, column: 1, severity: 'medium' }],
    },
    {
      name: 'open entries in the field',
      yaml: lb(
        '',
        '  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n    - 0.0.0.0/0\n    - "::/0"\n',
      ),
      errors: [
        { messageId: 'openRange', line: 11, column: 7, message: 'Source range "0.0.0.0/0"' },
        { messageId: 'openRange', line: 12, column: 7, message: 'Source range "::/0"' },
      ],
    },
    {
      name: 'open entry in the annotation',
      yaml: lb(
        '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,0.0.0.0/0"\n',
        '',
      ),
      errors: [{ messageId: 'openRange', line: 6, message: '"0.0.0.0/0"' }],
    },
  ],
});
