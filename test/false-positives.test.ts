import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../src/engine/rule.ts';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../src/input/index.ts';
import type { LoadResult } from '../src/input/index.ts';
import { groupKindOf } from '../src/model/kinds.ts';
import { podSpecOf } from '../src/model/pod-spec.ts';
import { workloadRules } from '../src/rules/workload/index.ts';

// Manifests that are secure in ways peers misread: values set only at the pod level, only in
// (init) containers, through the Restricted profile's securityContext, through other objects
// (ServiceAccount, LimitRange, HPA, RBAC), and in the pod template of every workload kind.
const dir = new URL('./fixtures/false-positives/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));

const defaultRules = workloadRules.filter((rule) => rule.meta.optIn !== true);

function load(file: string, text: string): LoadResult {
  const loaded = loadTexts([{ path: file, text }], DEFAULT_LOAD_OPTIONS);
  expect(loaded.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return loaded;
}

function findings(
  file: string,
  text: string,
  rules: readonly AnyRule[],
  ruleOptions = {},
): string[] {
  const result = scanLoaded(load(file, text), {
    rules,
    settings: defaultSettings({ ruleOptions }),
  });
  expect(result.diagnostics.filter((d) => d.code === 'E_RULE_FAILED')).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${file}:${f.location?.line ?? '?'}: ${f.message}`);
}

describe('workload rules on secure manifests (false positives)', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures)('$file: no finding from any default workload rule', ({ file, text }) => {
    expect(findings(file, text, defaultRules)).toEqual([]);
  });

  it.each(fixtures)('$file: all images come from the allowed registry', ({ file, text }) => {
    const registry = workloadRules.filter((rule) => rule.id === 'image-registry-allowed');
    const options = { 'image-registry-allowed': { allowedRegistries: ['registry.example.com'] } };
    expect(findings(file, text, registry, options)).toEqual([]);
  });

  it('covers the pod template of every workload kind, and init and sidecar containers', () => {
    const kinds = new Set<string>();
    let initContainers = 0;
    let sidecars = 0;
    for (const { file, text } of fixtures) {
      for (const { object } of load(file, text).objects) {
        const pod = podSpecOf(object);
        if (pod === undefined) continue;
        kinds.add(groupKindOf(object));
        for (const init of pod.spec.initContainers ?? []) {
          if (init.restartPolicy === 'Always') sidecars++;
          else initContainers++;
        }
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'Pod',
        'PodTemplate',
        'ReplicationController',
        'apps/DaemonSet',
        'apps/Deployment',
        'apps/ReplicaSet',
        'apps/StatefulSet',
        'argoproj.io/Rollout',
        'apps.kruise.io/CloneSet',
        'batch/CronJob',
        'batch/Job',
      ].sort(),
    );
    expect(initContainers).toBeGreaterThanOrEqual(3);
    expect(sidecars).toBeGreaterThanOrEqual(2);
  });

  it('reads those pod templates: weakening the pod-level seccomp profile is reported in each', () => {
    const fixture = fixtures.find((f) => f.file === 'every-workload-kind.yaml');
    expect(fixture).toBeDefined();
    const { file, text } = fixture ?? { file: '', text: '' };
    const seccomp = workloadRules.filter((rule) => rule.id === 'container-seccomp-profile');
    const weakened = text.replaceAll('type: RuntimeDefault', 'type: Unconfined');
    const workloads = load(file, text).objects.filter((o) => podSpecOf(o.object) !== undefined);
    const reported = findings(file, weakened, seccomp);
    expect(reported).toHaveLength(workloads.length);
    for (const line of reported)
      expect(line).toContain('Pod securityContext sets seccompProfile type Unconfined');
  });
});
