import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './dockerconfig-inline-credentials.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const pullSecret = (config: unknown): string =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(JSON.stringify(config))}\n`;

ruleTester.run(rule, {
  valid: [
    pullSecret({
      auths: {},
      credHelpers: { '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
    }),
    pullSecret({ auths: { 'ghcr.io': { auth: b64('bot:<token>') } } }),
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  config.json: '{"credsStore": "desktop"}'\n`,
  ],
  invalid: [
    {
      name: 'image-pull Secret committed with credentials',
      yaml: pullSecret({
        auths: {
          'ghcr.io': { auth: b64(`bot:${FAKE.githubPat}`) },
          'quay.io': { auth: b64('robot:') },
        },
      }),
      errors: [
        {
          messageId: 'inlineCredentials',
          line: 7,
          column: 22,
          severity: 'medium',
          message: 'Key ".dockerconfigjson" holds registry credentials for "ghcr.io".',
        },
      ],
    },
    {
      name: 'Docker config in a ConfigMap',
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  config.json: '${JSON.stringify({ auths: { 'registry.example.org': { username: 'ci', password: FAKE.randomSecret } } })}'\n`,
      errors: [
        { messageId: 'inlineCredentials', severity: 'high', message: '"registry.example.org"' },
      ],
    },
    {
      name: 'legacy .dockercfg',
      yaml: `apiVersion: v1\nkind: Secret\nmetadata: { name: old }\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: ${b64(JSON.stringify({ 'https://index.docker.io/v1/': { auth: b64('me:Zq8rT2vLm9'), email: 'me@x.io' } }))}\n`,
      errors: [{ messageId: 'inlineCredentials', message: '"https://index.docker.io/v1/"' }],
    },
  ],
});
