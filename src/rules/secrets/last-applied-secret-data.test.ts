import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './last-applied-secret-data.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** An object of `kind` whose last-applied annotation holds `applied` as JSON. */
const withLastApplied = (kind: string, applied: unknown): string => `apiVersion: v1
kind: ${kind}
metadata:
  name: db
  namespace: shop
  annotations:
    ${ANNOTATION}: ${JSON.stringify(JSON.stringify(applied))}
`;

const appliedSecret = (data: Record<string, string>): unknown => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'shop' },
  data,
});

ruleTester.run(rule, {
  valid: [
    withLastApplied('Secret', appliedSecret({})),
    withLastApplied('Secret', appliedSecret({ password: b64('changeme') })),
    withLastApplied('ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: { LOG_LEVEL: 'debug' },
    }),
    {
      name: 'not JSON',
      yaml: withLastApplied('ConfigMap', 'x').replace('"\\"x\\""', '"{not json"'),
    },
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${b64('hunter22')}\n`,
  ],
  invalid: [
    {
      name: 'a Secret applied with kubectl apply',
      yaml: withLastApplied(
        'Secret',
        appliedSecret({ password: b64('hunter22'), username: b64('app') }),
      ),
      errors: [
        {
          messageId: 'secretData',
          line: 7,
          column: 55,
          severity: 'high',
          message: 'holds a copy of Secret data for "password", "username".',
        },
      ],
    },
    {
      name: 'a literal token in a Deployment env stored in the annotation',
      yaml: withLastApplied('ConfigMap', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        spec: {
          template: {
            spec: {
              containers: [{ name: 'c', env: [{ name: 'GITHUB_TOKEN', value: FAKE.githubPat }] }],
            },
          },
        },
      }),
      errors: [
        {
          messageId: 'secretValue',
          severity: 'critical',
          message:
            'holds a GitHub personal access token at spec.template.spec.containers[0].env[0].value.',
        },
      ],
    },
  ],
});
