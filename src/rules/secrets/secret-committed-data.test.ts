import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './secret-committed-data.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const secret = (body: string): string =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\n${body}\n`;

ruleTester.run(rule, {
  valid: [
    secret('type: Opaque'),
    secret('type: Opaque\ndata: {}'),
    secret(
      'type: Opaque\nstringData:\n  password: ""\n  token: changeme\n  api-key: "<your-api-key>"',
    ),
    secret(`type: Opaque\ndata:\n  password: ${b64('${DB_PASSWORD}')}`),
    {
      name: 'service-account-token Secret left for the controller',
      yaml: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa-token\n  annotations:\n    kubernetes.io/service-account.name: app\ntype: kubernetes.io/service-account-token\n`,
    },
    {
      name: 'service-account-token Secret with only public data',
      yaml: secret(`type: kubernetes.io/service-account-token\ndata:\n  namespace: ${b64('shop')}`),
    },
    {
      name: 'public certificates only',
      yaml: secret(
        `type: Opaque\nstringData:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUabcdefghijklmnopqrstuvwxyz0123\n    -----END CERTIFICATE-----\n  id_ed25519.pub: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9vZ3dvb2Rz kubeward@test`,
      ),
    },
    {
      name: 'SOPS-encrypted Secret',
      yaml: secret(
        'type: Opaque\nstringData:\n  password: ENC[AES256_GCM,data:abcd,iv:efgh,tag:ijkl,type:str]\nsops:\n  version: 3.9.0',
      ),
    },
    {
      name: 'SealedSecret is another kind',
      yaml: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA==\n`,
    },
  ],
  invalid: [
    {
      name: 'Opaque data, keys named and values not',
      yaml: secret(
        `type: Opaque\ndata:\n  username: ${b64('app')}\n  password: ${b64('hunter22')}`,
      ),
      errors: [
        {
          messageId: 'committed',
          line: 7,
          column: 1,
          severity: 'high',
          message: 'Secret of type "Opaque" commits data values for "password", "username".',
        },
      ],
    },
    {
      name: 'stringData and data reported separately; type defaults to Opaque',
      yaml: secret(
        `stringData:\n  token: ${FAKE.randomSecret}\ndata:\n  blob: ${b64('\u0000\u0001binary')}`,
      ),
      errors: [
        { messageId: 'committed', line: 6, message: 'commits stringData values for "token"' },
        { messageId: 'committed', line: 8, message: 'commits data values for "blob"' },
      ],
    },
    {
      name: 'TLS Secret: the key counts, the certificate does not',
      yaml: secret(
        `type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUabcdefghijklmnopqrstuvwxyz0123\n    -----END CERTIFICATE-----\n  tls.key: |\n${FAKE.privateKeyPem.replace(/^/gm, '    ')}`,
      ),
      errors: [{ messageId: 'committed', message: 'values for "tls.key".' }],
    },
    {
      name: 'service-account token is a cluster credential',
      yaml: secret(
        `type: kubernetes.io/service-account-token\ndata:\n  token: ${b64(FAKE.serviceAccountToken)}\n  namespace: ${b64('shop')}`,
      ),
      errors: [
        {
          messageId: 'clusterCredential',
          severity: 'critical',
          message: 'in data ("token")',
        },
      ],
    },
    {
      name: 'bootstrap token',
      yaml: secret(
        'type: bootstrap.kubernetes.io/token\nstringData:\n  token-id: 07401b\n  token-secret: f395accd246ae52d',
      ),
      errors: [
        {
          messageId: 'clusterCredential',
          severity: 'critical',
          message: '"token-secret", "token-id"',
        },
      ],
    },
    {
      name: 'many keys are summarised',
      yaml: secret(
        `stringData:\n${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => `  ${k}: value-${k}1`).join('\n')}`,
      ),
      errors: [{ messageId: 'committed', message: '"a", "b", "c", "d", "e" and 2 more.' }],
    },
  ],
});
