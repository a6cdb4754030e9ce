import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { allRules } from '../rules/index.ts';
import { DEFAULT_APISERVER_CIDRS, webhookManifests } from './manifests.ts';

const manifests = webhookManifests({
  namespace: 'kubeward',
  name: 'kubeward-webhook',
  image: 'ghcr.io/kubeward/kubeward:0.1.0',
  caBundle: Buffer.from('ca').toString('base64'),
  mutate: true,
  failurePolicy: 'Fail',
  timeoutSeconds: 5,
  apiServerCidrs: DEFAULT_APISERVER_CIDRS,
});

describe('webhook deploy manifests', () => {
  it("pass Kubeward's own scan with every rule (a tag without a digest is only info)", () => {
    const text = manifests.map((o) => stringify(o)).join('---\n');
    const result = scanLoaded(loadTexts([{ path: 'webhook.yaml', text }], DEFAULT_LOAD_OPTIONS), {
      rules: allRules.filter((r) => r.meta.optIn !== true),
      settings: defaultSettings(),
    });
    expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['image-digest info']);
  });

  it('never send kube-system or the webhook namespace to the webhook, and fail as chosen', () => {
    const configs = manifests.filter((o) => o.kind.endsWith('WebhookConfiguration'));
    expect(configs.map((c) => c.kind).sort()).toEqual([
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
    ]);
    for (const config of configs) {
      for (const webhook of config.webhooks as Record<string, unknown>[]) {
        expect(webhook.sideEffects).toBe('None');
        expect(webhook.timeoutSeconds).toBe(5);
        expect(webhook.failurePolicy).toBe(
          config.kind === 'MutatingWebhookConfiguration' ? 'Ignore' : 'Fail',
        );
        expect(JSON.stringify(webhook.namespaceSelector)).toContain(
          '"NotIn","values":["kube-system","kube-node-lease","kube-public","kubeward"]',
        );
      }
    }
  });

  it('run two replicas with a PodDisruptionBudget and least-privilege RBAC', () => {
    const deployment = manifests.find((o) => o.kind === 'Deployment');
    expect((deployment?.spec as { replicas: number }).replicas).toBe(2);
    expect(manifests.some((o) => o.kind === 'PodDisruptionBudget')).toBe(true);
    const role = manifests.find((o) => o.kind === 'ClusterRole');
    expect(role?.rules).toEqual([
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
    ]);
  });
});
