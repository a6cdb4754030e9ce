import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUpward, searchStart } from './find-config.ts';
import { planScan } from './scan-plan.ts';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-plan-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(name.endsWith('/') ? full : path.dirname(full), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(full, text);
  }
  return dir;
}

const env = (cwd: string) => ({ cwd, today: '2026-01-01' });

describe('config discovery', () => {
  it('searches upward from the first scanned path and stops at a .git directory', () => {
    const dir = tree({
      '.kubeward.yaml': 'failOn: low\n',
      'repo/.git/': '',
      'repo/deploy/app/pod.yaml': 'kind: Pod\n',
      'other/deploy/pod.yaml': 'kind: Pod\n',
    });
    expect(searchStart(['repo/deploy/app/pod.yaml'], dir)).toBe(path.join(dir, 'repo/deploy/app'));
    expect(searchStart(['-'], dir)).toBe(dir);
    expect(findUpward(path.join(dir, 'repo/deploy/app'), ['.kubeward.yaml'])).toBeUndefined();
    expect(findUpward(path.join(dir, 'other/deploy'), ['.kubeward.yaml'])).toBe(
      path.join(dir, '.kubeward.yaml'),
    );
  });

  it('reads the config and the ignore file beside it; flags win over the config', () => {
    const dir = tree({
      'repo/.git/': '',
      'repo/.kubeward.yaml':
        'pss: { level: baseline, version: v1.29 }\nfailOn: medium\nignore:\n- { rule: a, reason: r }\n',
      'repo/.kubewardignore.yaml': '- { rule: b, reason: r }\n',
      'repo/k8s/pod.yaml': 'kind: Pod\n',
    });
    const plan = planScan([], ['repo/k8s'], { pssVersion: 'v1.30' }, env(dir));
    expect(plan.configFile).toBe(path.join(dir, 'repo/.kubeward.yaml'));
    expect(plan.ignoreFile).toBe(path.join(dir, 'repo/.kubewardignore.yaml'));
    expect(plan.settings.pss).toEqual({ level: 'baseline', version: 'v1.30' });
    expect(plan.failOn).toBe('medium');
    expect(planScan([], ['repo/k8s'], { failOn: 'none' }, env(dir)).failOn).toBe('none');
  });

  it('uses --config, finds an ignore file alone, and refuses annotations when asked', () => {
    const dir = tree({
      'cfg/custom.yaml': 'annotationSuppressions: true\n',
      'app/.kubewardignore.yaml': '- { rule: b, reason: r }\n',
      'app/pod.yaml': 'kind: Pod\n',
    });
    const withConfig = planScan(
      [],
      ['app'],
      { config: 'cfg/custom.yaml', refuseAnnotations: true },
      env(dir),
    );
    expect(withConfig.configFile).toBe(path.join(dir, 'cfg/custom.yaml'));
    expect(withConfig.ignoreFile).toBeUndefined();
    expect(withConfig.settings.annotationSuppressions).toBe(false);
    const alone = planScan([], ['app/pod.yaml'], {}, env(dir));
    expect(alone.ignoreFile).toBe(path.join(dir, 'app/.kubewardignore.yaml'));
    expect(alone.settings.annotationSuppressions).toBe(true);
    expect(alone.failOn).toBe('high');
  });
});
