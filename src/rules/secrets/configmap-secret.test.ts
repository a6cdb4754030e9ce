import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './configmap-secret.ts';

const configMap = (data: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: shop\n${data}\n`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

ruleTester.run(rule, {
  valid: [
    configMap(
      'data:\n  LOG_LEVEL: info\n  DATABASE_HOST: db.shop.svc\n  DB_PASSWORD_FILE: /etc/secrets/db',
    ),
    configMap(
      `data:\n  application.yaml: |\n    server:\n      port: 8080\n    datasource:\n      password: \${DB_PASSWORD}\n      token: "{{ .Values.token }}"`,
    ),
    configMap(
      'data:\n  CACHE_KEY: sha256:0ffa3c3763c7c0334d3f0f2475087704bde823c3e8d9c3b517e9c151c69b9d2e\n  RUN_ID: 123e4567-e89b-12d3-a456-426614174000',
    ),
    configMap(
      `binaryData:\n  banner.txt: ${b64('welcome to the shop, have a nice day')}\n  truststore.jks: ${b64('\u0000\u0001binary')}`,
    ),
    configMap(
      'data:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUabcdefghijklmnopqrstuvwxyz0123\n    -----END CERTIFICATE-----',
    ),
    {
      name: 'kubeconfigs are left to kubeconfig-inline-credentials',
      yaml: configMap(
        `data:\n  config: |\n    apiVersion: v1\n    kind: Config\n    clusters: []\n    users:\n      - name: admin\n        user:\n          token: ${FAKE.serviceAccountToken}`,
      ),
    },
    {
      name: 'ignored key',
      yaml: configMap('data:\n  DEMO_PASSWORD: hunter22'),
      options: { ignoreNames: ['DEMO_PASSWORD'] },
    },
  ],
  invalid: [
    {
      name: 'value under a password key',
      yaml: configMap('data:\n  DB_PASSWORD: hunter22'),
      errors: [
        {
          messageId: 'secretInData',
          line: 7,
          column: 16,
          severity: 'medium',
          message: 'ConfigMap key "DB_PASSWORD" contains a hard-coded password.',
        },
      ],
    },
    {
      name: 'embedded properties file',
      yaml: configMap(
        `data:\n  application.properties: |\n    spring.datasource.url=jdbc:postgresql://db/app\n    spring.datasource.password=Zq8rT2vLm9\n    slack.token=${FAKE.slackBotToken}`,
      ),
      errors: [
        {
          messageId: 'secretInData',
          line: 7,
          column: 27,
          severity: 'high',
          message:
            'a Slack token (line 3) and a hard-coded password under "spring.datasource.password" (line 2)',
        },
      ],
    },
    {
      name: 'private key and cloud keys in separate entries',
      yaml: configMap(
        `data:\n  id_rsa: |\n${FAKE.privateKeyPem.replace(/^/gm, '    ')}\n  google: ${FAKE.googleApiKey}`,
      ),
      errors: [
        {
          messageId: 'secretInData',
          line: 7,
          severity: 'critical',
          message: 'a private key (line 1)',
        },
        { messageId: 'secretInData', line: 12, severity: 'high', message: 'a Google API key' },
      ],
    },
    {
      name: 'decoded binaryData',
      yaml: configMap(`binaryData:\n  env: ${b64(`NPM_TOKEN=${FAKE.npmToken}\n`)}`),
      errors: [
        { messageId: 'secretInData', line: 7, column: 8, message: 'an npm access token (line 1)' },
      ],
    },
    {
      name: 'binary keystore',
      yaml: configMap(`binaryData:\n  server.p12: ${b64('\u0000\u0001\u0002binary keystore')}`),
      errors: [{ messageId: 'keystore', line: 7, column: 15 }],
    },
  ],
});
