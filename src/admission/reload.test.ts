import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.ts';
import { createApp } from './app.ts';
import { buildEngine } from './build-engine.ts';
import type { EngineFlags } from './build-engine.ts';
import { validateRequest } from './decide.ts';
import { createMetrics } from './metrics.ts';
import { reloadingEngine } from './reload.ts';
import type { ReloadingEngine } from './reload.ts';
import type { AdmissionRequest } from './review.ts';

// Config and policy reload, in process: real files, real fs.watch, the real app.

const FLAGS: EngineFlags = {
  rules: [],
  excludeRules: [],
  exemptions: { namespaces: [], usernames: [], runtimeClasses: [] },
  mutateUnsafe: false,
  mutateRules: [],
  noGrandfather: false,
};

const policy = (action: string) => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: no-latest }
spec:
  matchConstraints:
    resourceRules: [{ apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods] }]
  validations: [{ expression: "!object.spec.containers.exists(c, c.image.endsWith(':latest'))", message: no latest }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: no-latest }
spec: { policyName: no-latest, validationActions: [${action}] }
`;

const request: AdmissionRequest = {
  uid: 'u',
  kind: { group: '', version: 'v1', kind: 'Pod' },
  namespace: 'team',
  operation: 'CREATE',
  object: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'team' },
    spec: { containers: [{ name: 'app', image: 'nginx:latest' }] },
  },
};

let holder: ReloadingEngine | undefined;
afterEach(() => {
  holder?.close();
});

async function setUp(files: { config: string; policy: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-reload-'));
  mkdirSync(path.join(dir, 'policies'));
  writeFileSync(path.join(dir, 'kubeward.yaml'), files.config);
  writeFileSync(path.join(dir, 'policies', 'p.yaml'), files.policy);
  const logs: Record<string, unknown>[] = [];
  holder = await reloadingEngine({
    debounceMs: 20,
    log: (r) => logs.push(r),
    build: () =>
      buildEngine({
        configFile: path.join(dir, 'kubeward.yaml'),
        policyPaths: [path.join(dir, 'policies')],
        cwd: dir,
        flags: FLAGS,
        allRules,
        namespaceLabels: () => undefined,
        today: () => '2026-01-01',
      }),
  });
  const engine = holder;
  const app = createApp({
    engine: () => engine.current(),
    metrics: createMetrics({ processMetrics: false }),
    log: () => undefined,
    ready: () => true,
  });
  const post = async () => {
    const body = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request };
    const res = await app.request('/validate', { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { response: { allowed: boolean; warnings?: string[] } }).response;
  };
  return { dir, logs, post, engine };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('config and policy reload', () => {
  it('swaps in the new engine when the config or a policy changes', async () => {
    const { dir, post, engine } = await setUp({ config: 'rules: {}\n', policy: policy('Deny') });
    expect((await post()).allowed).toBe(false);
    const first = engine.current();
    writeFileSync(path.join(dir, 'policies', 'p.yaml'), policy('Warn'));
    await until(() => engine.current() !== first);
    const warned = await post();
    expect(warned.allowed).toBe(true);
    expect(warned.warnings?.some((w) => w.includes('no latest'))).toBe(true);
    const second = engine.current();
    writeFileSync(path.join(dir, 'kubeward.yaml'), 'admission:\n  failOn: critical\n');
    await until(() => engine.current() !== second);
    expect(engine.current().policy.failOn).toBe('critical');
    // A request that took the old engine finishes with it: the old engine is never changed.
    expect(validateRequest(request, first).response.allowed).toBe(false);
    expect(await engine.reload()).toBe(false); // nothing changed since
    // An ignore file created beside the config later is noticed too.
    const third = engine.current();
    expect(third.suppressors).toEqual([]);
    writeFileSync(
      path.join(dir, '.kubewardignore.yaml'),
      '- { rule: image-*, reason: mirrored registry }\n',
    );
    await until(() => engine.current() !== third);
    expect(engine.current().suppressors).toHaveLength(1);
  });

  it('keeps the running engine when the new config is bad, and logs why', async () => {
    const { dir, logs, post, engine } = await setUp({ config: '{}\n', policy: policy('Deny') });
    const running = engine.current();
    writeFileSync(path.join(dir, 'kubeward.yaml'), 'admission:\n  failOn: sometimes\n');
    await until(() => logs.some((l) => l.level === 'error'));
    expect(String(logs.find((l) => l.level === 'error')?.error)).toMatch(
      /kubeward.yaml:2:11: admission.failOn: must be one of: critical/,
    );
    writeFileSync(path.join(dir, 'policies', 'p.yaml'), 'kind: ValidatingAdmissionPolicy\n: [');
    await until(() => logs.filter((l) => l.level === 'error').length === 2);
    expect(engine.current()).toBe(running);
    expect((await post()).allowed).toBe(false);
  });

  it('drops no request while reloading', async () => {
    const { dir, post, engine } = await setUp({ config: '{}\n', policy: policy('Deny') });
    const state = { done: false };
    const writes = (async () => {
      for (let i = 0; i < 6; i++) {
        writeFileSync(path.join(dir, 'policies', 'p.yaml'), policy(i % 2 === 0 ? 'Warn' : 'Deny'));
        await new Promise((r) => setTimeout(r, 60));
      }
      state.done = true;
    })();
    const answers: boolean[] = [];
    while (!state.done) {
      const batch = await Promise.all(Array.from({ length: 10 }, post));
      answers.push(...batch.map((a) => a.allowed));
      // In-process requests never wait on I/O: yield so that file events and timers run.
      await new Promise((r) => setImmediate(r));
    }
    await writes;
    // Every request was answered (post() checks the 200), under the old or the new policy.
    expect(new Set(answers)).toEqual(new Set([true, false]));
    expect(engine.current().vap?.set.bindingsOf.get('no-latest')?.[0]?.validationActions).toEqual([
      'Deny',
    ]);
  });

  it('follows a Kubernetes ConfigMap volume, whose files change by a symlink swap', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-configmap-'));
    const version = (n: number, text: string) => {
      mkdirSync(path.join(dir, `..v${String(n)}`));
      writeFileSync(path.join(dir, `..v${String(n)}`, 'kubeward.yaml'), text);
    };
    version(1, 'admission:\n  failOn: high\n');
    symlinkSync(`..v1`, path.join(dir, '..data'));
    symlinkSync('..data/kubeward.yaml', path.join(dir, 'kubeward.yaml'));
    holder = await reloadingEngine({
      debounceMs: 20,
      log: () => undefined,
      build: () =>
        buildEngine({
          configFile: path.join(dir, 'kubeward.yaml'),
          policyPaths: [],
          cwd: dir,
          flags: FLAGS,
          allRules,
          namespaceLabels: () => undefined,
          today: () => '2026-01-01',
        }),
    });
    const engine = holder;
    version(2, 'admission:\n  failOn: low\n');
    symlinkSync('..v2', path.join(dir, '..data_tmp'));
    renameSync(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
    await until(() => engine.current().policy.failOn === 'low');
  });
});
