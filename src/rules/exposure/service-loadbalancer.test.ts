import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './service-loadbalancer.ts';

const lb = (annotations: string, extra = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${annotations === '' ? '' : `  annotations:\n${annotations}\n`}spec:\n  type: LoadBalancer\n${extra}  ports:\n    - port: 443\n`;

ruleTester.run(rule, {
  valid: [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 443\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 443\n`,
  ],
  invalid: [
    {
      name: 'no annotation',
      yaml: lb(''),
      errors: [
        {
          messageId: 'external',
          line: 6,
          column: 9,
          severity: 'low',
          message: 'exposes 443/TCP through a load balancer that no annotation marks internal.',
        },
      ],
    },
    {
      name: 'an AWS scheme annotation saying internet-facing',
      yaml: lb('    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing'),
      errors: [{ messageId: 'external', severity: 'low' }],
    },
    {
      name: 'AWS in-tree internal annotation',
      yaml: lb('    service.beta.kubernetes.io/aws-load-balancer-internal: "true"'),
      errors: [
        {
          messageId: 'internal',
          line: 8,
          severity: 'info',
          message: '(service.beta.kubernetes.io/aws-load-balancer-internal: true)',
        },
      ],
    },
    {
      name: 'AWS in-tree legacy CIDR value',
      yaml: lb('    service.beta.kubernetes.io/aws-load-balancer-internal: 0.0.0.0/0'),
      errors: [{ messageId: 'internal', severity: 'info' }],
    },
    {
      name: 'AWS in-tree false',
      yaml: lb('    service.beta.kubernetes.io/aws-load-balancer-internal: "false"'),
      errors: [{ messageId: 'external', severity: 'low' }],
    },
    {
      name: 'AWS Load Balancer Controller default scheme',
      yaml: lb('', '  loadBalancerClass: service.k8s.aws/nlb\n'),
      errors: [
        { messageId: 'internal', severity: 'info', message: 'AWS Load Balancer Controller' },
      ],
    },
    {
      name: 'GKE',
      yaml: lb('    networking.gke.io/load-balancer-type: "Internal"'),
      errors: [{ messageId: 'internal', severity: 'info' }],
    },
    {
      name: 'Azure, unquoted boolean',
      yaml: lb('    service.beta.kubernetes.io/azure-load-balancer-internal: true'),
      errors: [{ messageId: 'internal', severity: 'info' }],
    },
  ],
});
