import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { hostPidRule, privilegedRule } from '../../test/helpers/fix-rules.ts';
import type { IgnoreEntry } from './ignore-entry.ts';
import { ignoreMatcher } from './ignore-entries.ts';

const MANIFESTS = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: calico-node, namespace: kube-system}
spec:
  template:
    spec:
      hostPID: true
      containers:
      - name: calico
        securityContext: {privileged: true}
      - name: sidecar
        securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  hostPID: true
  containers:
  - name: shell
    securityContext: {privileged: true}
`;

function run(entries: IgnoreEntry[], today = '2026-06-01') {
  const matcher = ignoreMatcher(entries, today);
  const result = scanLoaded(
    loadTexts([{ path: 'm.yaml', text: MANIFESTS }], DEFAULT_LOAD_OPTIONS),
    {
      rules: [hostPidRule, privilegedRule],
      settings: defaultSettings(),
      suppressors: [matcher.suppress],
    },
  );
  const describe = (f: (typeof result.findings)[number]) =>
    `${f.ruleId} ${f.object.name} ${f.location?.line ?? 0}`;
  return {
    reported: result.findings.map(describe),
    suppressed: result.suppressed.map((f) => [describe(f), f.suppressions]),
    diagnostics: matcher.diagnostics(),
  };
}

describe('ignore entries', () => {
  it('match rule globs, group/kind, namespace, name globs and containers', () => {
    const result = run([
      {
        rule: 't-host-*',
        kind: 'apps/DaemonSet',
        namespace: 'kube-system',
        name: 'calico-*',
        reason: 'CNI',
      },
      { rule: 't-privileged', kind: 'DaemonSet', container: 'calico', reason: 'needs iptables' },
      {
        rule: 't-privileged',
        namespace: 'default',
        name: 'debug',
        reason: 'debug pod',
        expires: '2026-06-01',
      },
    ]);
    expect(result.reported).toEqual(['t-privileged calico-node 12', 't-host-pid debug 18']);
    expect(result.suppressed).toEqual([
      ['t-host-pid calico-node 7', [{ kind: 'ignoreFile', reason: 'CNI' }]],
      ['t-privileged calico-node 10', [{ kind: 'ignoreFile', reason: 'needs iptables' }]],
      [
        't-privileged debug 21',
        [{ kind: 'ignoreFile', reason: 'debug pod', expires: '2026-06-01' }],
      ],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('stop suppressing after their expiry date, and say so', () => {
    const source = { file: '.kubewardignore.yaml', line: 3, column: 3 };
    const result = run([
      {
        rule: 't-privileged',
        name: 'debug',
        reason: 'until the migration',
        expires: '2026-05-31',
        source,
      },
    ]);
    expect(result.reported).toContain('t-privileged debug 21');
    expect(result.diagnostics).toEqual([
      {
        code: 'W_IGNORE_EXPIRED',
        level: 'warning',
        message:
          'ignore entry for rule t-privileged on debug expired on 2026-05-31 and no longer suppresses; 1 finding(s) it matched are reported again (reason was: until the migration)',
        ...source,
      },
    ]);
  });

  it('report entries that matched nothing', () => {
    const result = run([
      {
        rule: 't-privileged',
        kind: 'Deployment',
        namespace: 'prod',
        name: 'web',
        container: 'app',
        reason: 'r',
      },
      { rule: 't-host-pid', namespace: 'kube-system', reason: 'r' },
      { rule: 't-privileged', container: 'no-such-container', reason: 'r' },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.level, d.message])).toEqual([
      [
        'I_IGNORE_UNUSED',
        'info',
        'ignore entry for rule t-privileged on Deployment prod/web container app matched no finding; remove it if the problem is gone',
      ],
      [
        'I_IGNORE_UNUSED',
        'info',
        'ignore entry for rule t-privileged container no-such-container matched no finding; remove it if the problem is gone',
      ],
    ]);
  });
});
