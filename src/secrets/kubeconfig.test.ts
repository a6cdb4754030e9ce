import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-tokens.ts';
import { kubeconfigCredentials } from './kubeconfig.ts';

const kubeconfig = (user: string): string => `apiVersion: v1
kind: Config
clusters:
  - name: prod
    cluster:
      server: https://10.0.0.1:6443
users:
  - name: admin
    user:
${user}
contexts:
  - name: prod
    context: { cluster: prod, user: admin }
current-context: prod
`;

describe('kubeconfigCredentials', () => {
  it('names inline credential fields of each user', () => {
    expect(kubeconfigCredentials(kubeconfig(`      token: ${FAKE.serviceAccountToken}`))).toEqual([
      { user: 'admin', field: 'token' },
    ]);
    const certs = `      client-certificate-data: ${Buffer.from('cert').toString('base64')}
      client-key-data: ${Buffer.from(FAKE.privateKeyPem).toString('base64')}`;
    expect(kubeconfigCredentials(kubeconfig(certs))).toEqual([
      { user: 'admin', field: 'client-key-data' },
    ]);
    const provider = `      auth-provider:
        name: oidc
        config:
          client-id: kubectl
          client-secret: ${FAKE.randomSecret}
          refresh-token: ${FAKE.randomSecret}`;
    expect(kubeconfigCredentials(kubeconfig(provider))?.map((c) => c.field)).toEqual([
      'auth-provider.config.refresh-token',
      'auth-provider.config.client-secret',
    ]);
    const exec = `      exec:
        apiVersion: client.authentication.k8s.io/v1
        command: aws
        args: ["eks", "get-token", "--cluster-name", "prod"]
        env:
          - name: AWS_SECRET_ACCESS_KEY
            value: ${FAKE.awsSecretAccessKey}
          - name: AWS_PROFILE
            value: prod`;
    expect(kubeconfigCredentials(kubeconfig(exec))).toEqual([
      { user: 'admin', field: 'exec.env AWS_SECRET_ACCESS_KEY' },
    ]);
  });

  it('accepts kubeconfigs that fetch credentials at run time', () => {
    const exec = `      exec:
        apiVersion: client.authentication.k8s.io/v1
        command: gke-gcloud-auth-plugin`;
    expect(kubeconfigCredentials(kubeconfig(exec))).toEqual([]);
    expect(kubeconfigCredentials(kubeconfig('      tokenFile: /var/run/token'))).toEqual([]);
    expect(kubeconfigCredentials(kubeconfig('      token: ${TOKEN}'))).toEqual([]);
  });

  it('is undefined for anything that is not a kubeconfig', () => {
    expect(kubeconfigCredentials('users: 3\nclusters: 2')).toBeUndefined();
    expect(kubeconfigCredentials('server:\n  port: 8080')).toBeUndefined();
    expect(kubeconfigCredentials('users:\n  - [unclosed\nclusters: x')).toBeUndefined();
    const bomb = `a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nusers: []\nclusters: []\n`;
    expect(kubeconfigCredentials(bomb)).toBeUndefined();
  });
});
