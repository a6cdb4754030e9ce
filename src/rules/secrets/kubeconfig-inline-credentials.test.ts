import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { FAKE } from '../../secrets/__fixtures__/fake-tokens.ts';
import rule from './kubeconfig-inline-credentials.ts';

const kubeconfig = (user: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: prod',
    '    cluster: { server: "https://10.0.0.1:6443" }',
    'contexts:',
    '  - name: prod',
    '    context: { cluster: prod, user: deployer }',
    'current-context: prod',
    'users:',
    '  - name: deployer',
    '    user:',
    user,
  ].join('\n');
const indent = (text: string, by: string): string => text.replace(/^/gm, by);
const b64 = (text: string): string => Buffer.from(text).toString('base64');

ruleTester.run(rule, {
  valid: [
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: k }\ndata:\n  config: |\n${indent(kubeconfig('      exec: { apiVersion: client.authentication.k8s.io/v1, command: kubelogin }'), '    ')}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: k }\ndata:\n  config: |\n${indent(kubeconfig('      token: "{{ .Values.token }}"'), '    ')}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: k }\ndata:\n  settings.yaml: |\n    users:\n      - alice\n`,
  ],
  invalid: [
    {
      name: 'bearer token in a ConfigMap',
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: k }\ndata:\n  config: |\n${indent(kubeconfig(`      token: ${FAKE.serviceAccountToken}`), '    ')}\n`,
      errors: [
        {
          messageId: 'inlineCredentials',
          line: 5,
          column: 11,
          severity: 'critical',
          message:
            'Key "config" holds a kubeconfig with inline credentials: token of user "deployer".',
        },
      ],
    },
    {
      name: 'client key in a Secret (base64 data)',
      yaml: `apiVersion: v1\nkind: Secret\nmetadata: { name: k }\ndata:\n  value: ${b64(kubeconfig(`      client-key-data: ${b64(FAKE.privateKeyPem)}\n      password: hunter22`))}\n`,
      errors: [
        {
          messageId: 'inlineCredentials',
          severity: 'high',
          message: 'client-key-data of user "deployer", password of user "deployer"',
        },
      ],
    },
  ],
});
