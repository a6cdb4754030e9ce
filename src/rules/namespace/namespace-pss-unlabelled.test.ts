import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './namespace-pss-unlabelled.ts';

const ns = (labels: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels}`;

ruleTester.run(rule, {
  valid: [
    ns('  labels:\n    pod-security.kubernetes.io/enforce: restricted\n'),
    ns(
      '  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.30\n',
    ),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n',
  ],
  invalid: [
    { yaml: ns(''), errors: [{ messageId: 'missing', line: 3, column: 1 }] },
    { yaml: ns('  labels: {app: shop}\n'), errors: [{ messageId: 'missing', line: 5, column: 3 }] },
    {
      yaml: ns('  labels:\n    pod-security.kubernetes.io/enforce: privileged\n'),
      errors: [{ messageId: 'privileged', line: 6, column: 41 }],
    },
    {
      yaml: ns('  labels:\n    pod-security.kubernetes.io/enforce: strict\n'),
      errors: [{ messageId: 'invalid', severity: 'low' }],
    },
  ],
});
