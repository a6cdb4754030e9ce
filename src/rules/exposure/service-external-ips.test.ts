import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './service-external-ips.ts';

const service = (spec: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n${spec}\n`;

ruleTester.run(rule, {
  valid: [service(''), service('  externalIPs: []')],
  invalid: [
    {
      yaml: service('  externalIPs:\n    - 203.0.113.10\n    - 8.8.8.8'),
      errors: [
        {
          messageId: 'externalIps',
          line: 8,
          column: 3,
          severity: 'medium',
          message: 'Service sets externalIPs "203.0.113.10", "8.8.8.8": kube-proxy sends traffic',
        },
      ],
    },
  ],
});

describe('service-external-ips suggestion', () => {
  it('removes externalIPs', () => {
    const yaml = service('  externalIPs: [203.0.113.10]');
    expect(runRule(rule, { yaml })[0]?.suggest).toEqual([
      { op: 'remove', path: ['spec', 'externalIPs'] },
    ]);
  });
});
