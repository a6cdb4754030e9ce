import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './env-literal-secret.ts';

/** A Deployment whose first container has the given env entries (already indented YAML). */
const deployment = (env: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.org/api@sha256:0ffa3c3763c7c0334d3f0f2475087704bde823c3e8d9c3b517e9c151c69b9d2e
          env:
${env}
`;
const entry = (name: string, value: string): string =>
  `            - name: ${name}\n              value: ${JSON.stringify(value)}`;

ruleTester.run(rule, {
  valid: [
    { name: 'no env', yaml: deployment('            []') },
    {
      name: 'secretKeyRef',
      yaml: deployment(
        '            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }',
      ),
    },
    {
      name: 'harmless values',
      yaml: deployment(
        [
          entry('LOG_LEVEL', 'debug'),
          entry('PORT', '8080'),
          entry('REQUEST_ID', '123e4567-e89b-12d3-a456-426614174000'),
        ].join('\n'),
      ),
    },
    {
      name: 'image digest under a token-ish name',
      yaml: deployment(
        entry(
          'TOKEN_IMAGE',
          'nginx@sha256:0ffa3c3763c7c0334d3f0f2475087704bde823c3e8d9c3b517e9c151c69b9d2e',
        ),
      ),
    },
    {
      name: 'base64 of harmless text under a harmless name',
      yaml: deployment(
        entry('GREETING', Buffer.from('hello from kubeward tests').toString('base64')),
      ),
    },
    {
      name: 'dependent env reference',
      yaml: deployment(entry('DATABASE_URL', 'postgres://app:$(DB_PASSWORD)@db:5432/app')),
    },
    {
      name: 'placeholders',
      yaml: deployment(
        [
          entry('DB_PASSWORD', 'changeme'),
          entry('API_TOKEN', '<your-api-token>'),
          entry('AWS_ACCESS_KEY_ID', 'AKIA' + 'IOSFODNN7EXAMPLE'),
        ].join('\n'),
      ),
    },
    {
      name: 'file path under a password name',
      yaml: deployment(entry('POSTGRES_PASSWORD_FILE', '/run/secrets/db-password')),
    },
    {
      name: 'flag under a password name',
      yaml: deployment(entry('MYSQL_RANDOM_ROOT_PASSWORD', 'yes')),
    },
    {
      name: 'ignored name',
      yaml: deployment(entry('DEMO_PASSWORD', 'hunter22')),
      options: { ignoreNames: ['demo_password'] },
    },
    {
      name: 'password literals off',
      yaml: deployment(entry('DB_PASSWORD', 'hunter22')),
      options: { passwordLiterals: false },
    },
    {
      name: 'not a workload',
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  DB_PASSWORD: hunter22\n`,
    },
  ],
  invalid: [
    {
      name: 'known token format',
      yaml: deployment(entry('GITHUB_TOKEN', FAKE.githubPat)),
      errors: [
        {
          messageId: 'literalSecret',
          line: 17,
          column: 22,
          severity: 'critical',
          message: 'holds a GitHub personal access token',
        },
      ],
    },
    {
      name: 'AWS key pair',
      yaml: deployment(
        [
          entry('AWS_ACCESS_KEY_ID', FAKE.awsAccessKeyId),
          entry('AWS_SECRET_ACCESS_KEY', FAKE.awsSecretAccessKey),
        ].join('\n'),
      ),
      errors: [
        {
          messageId: 'literalSecret',
          line: 17,
          column: 22,
          severity: 'high',
          message: 'an AWS access key ID',
        },
        {
          messageId: 'literalSecret',
          line: 19,
          column: 22,
          severity: 'critical',
          message: 'an AWS secret access key',
        },
      ],
    },
    {
      name: 'weak password literal',
      yaml: deployment(entry('MYSQL_ROOT_PASSWORD', 'root')),
      errors: [
        {
          messageId: 'literalSecret',
          line: 17,
          column: 22,
          severity: 'medium',
          message: 'a hard-coded password',
        },
      ],
    },
    {
      name: 'high-entropy value under a secret-like name',
      yaml: deployment(entry('SESSION_SECRET', FAKE.randomSecret)),
      errors: [{ messageId: 'literalSecret', severity: 'high', message: 'a high-entropy secret' }],
    },
    {
      name: 'password in a URL, in an init container',
      yaml: deployment(entry('LOG_LEVEL', 'info')).replace(
        '      containers:',
        `      initContainers:\n        - name: migrate\n          image: migrate:1\n          env:\n${entry('DATABASE_URL', 'postgres://app:Zq8rT2vLm9@db:5432/app')}\n      containers:`,
      ),
      errors: [
        {
          messageId: 'literalSecret',
          line: 17,
          column: 22,
          message:
            'Environment variable "DATABASE_URL" of container "migrate" holds a password in a URL',
        },
      ],
    },
    {
      name: 'JWT in a Pod',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: c:1\n      env:\n        - { name: AUTH_HEADER, value: "Bearer ${FAKE.jwt}" }\n`,
      errors: [{ messageId: 'literalSecret', line: 9, column: 39, message: 'a JSON Web Token' }],
    },
    {
      name: 'embedded config in a multi-line value',
      yaml: deployment(
        `            - name: APP_CONFIG\n              value: |\n                db:\n                  password: Zq8rT2vLm9\n                slack: ${FAKE.slackWebhook}`,
      ),
      errors: [
        {
          messageId: 'literalSecret',
          line: 17,
          message:
            'a Slack webhook URL (line 3) and a hard-coded password under "password" (line 2)',
        },
      ],
    },
    {
      name: 'stricter entropy options catch shorter values',
      yaml: deployment(entry('API_KEY', 'a1b2c3d4e5f6')),
      options: { minLength: 8, minEntropy: 3 },
      errors: [{ messageId: 'literalSecret' }],
    },
  ],
});
