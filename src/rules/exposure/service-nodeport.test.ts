import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './service-nodeport.ts';

const service = (spec: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n${spec}\n`;

ruleTester.run(rule, {
  valid: [
    service('  ports:\n    - port: 80'),
    service('  type: ClusterIP\n  ports:\n    - port: 80'),
    service('  type: LoadBalancer\n  ports:\n    - port: 80'),
  ],
  invalid: [
    {
      yaml: service(
        '  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n    - port: 53\n      protocol: UDP',
      ),
      errors: [
        {
          messageId: 'nodePort',
          line: 7,
          column: 9,
          severity: 'low',
          message: 'opens nodePort 30080 (80/TCP), an allocated node port (53/UDP) on every node.',
        },
      ],
    },
  ],
});

describe('service-nodeport suggestion', () => {
  it('turns the Service into ClusterIP and drops the fields only NodePorts accept', () => {
    const yaml = service(
      '  type: NodePort\n  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n      nodePort: 30080\n    - port: 81',
    );
    expect(runRule(rule, { yaml })[0]?.suggest).toEqual([
      { op: 'replace', path: ['spec', 'type'], value: 'ClusterIP' },
      { op: 'remove', path: ['spec', 'ports', 0, 'nodePort'] },
      { op: 'remove', path: ['spec', 'externalTrafficPolicy'] },
    ]);
  });
});
