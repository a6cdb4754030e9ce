import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './netpol-egress-to-metadata.ts';

const policy = (egress: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
${egress}`;

ruleTester.run(rule, {
  valid: [
    policy(
      '    - to:\n        - ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32, 100.100.100.200/32] }\n',
    ),
    policy(
      '    - to:\n        - ipBlock: { cidr: 0.0.0.0/0, except: [169.254.0.0/16, 100.64.0.0/10] }\n',
    ),
    {
      name: 'DNS anywhere does not reach the metadata HTTP port',
      yaml: policy(
        '    - ports:\n        - { port: 53, protocol: UDP }\n        - { port: 53, protocol: TCP }\n',
      ),
    },
    {
      name: 'HTTPS only',
      yaml: policy(
        '    - to:\n        - ipBlock: { cidr: 0.0.0.0/0 }\n      ports:\n        - port: 443\n',
      ),
    },
    {
      name: 'a named port never matches an address',
      yaml: policy('    - ports:\n        - port: http\n'),
    },
    { name: 'pods only', yaml: policy('    - to:\n        - namespaceSelector: {}\n') },
    {
      name: 'configured addresses only',
      yaml: policy('    - to:\n        - ipBlock: { cidr: 0.0.0.0/0 }\n'),
      options: { addresses: ['fd00::1'] },
    },
  ],
  invalid: [
    {
      yaml: policy('    - to:\n        - ipBlock: { cidr: 0.0.0.0/0 }\n'),
      errors: [
        {
          messageId: 'metadata',
          line: 11,
          message: '169.254.169.254, 100.100.100.200 (ipBlock 0.0.0.0/0 does not except them)',
        },
      ],
    },
    {
      name: 'no to: every destination, IPv6 included',
      yaml: policy('    - ports:\n        - port: 80\n'),
      errors: [
        {
          messageId: 'metadata',
          message: '169.254.169.254, fd00:ec2::254, 100.100.100.200 (the rule has no `to`)',
        },
      ],
    },
    {
      name: 'two ipBlocks',
      yaml: policy(
        '    - to:\n        - ipBlock: { cidr: 169.254.0.0/16 }\n        - ipBlock: { cidr: 100.64.0.0/10 }\n',
      ),
      errors: [{ messageId: 'metadata', message: 'its ipBlocks do not except them' }],
    },
    {
      name: 'a port range covering 80',
      yaml: policy(
        '    - to:\n        - ipBlock: { cidr: 169.254.0.0/16 }\n      ports:\n        - { port: 1, endPort: 1024 }\n',
      ),
      errors: [{ messageId: 'metadata', message: '169.254.169.254' }],
    },
  ],
});
