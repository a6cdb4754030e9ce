import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { evaluatePod } from './evaluate.ts';
import type { PssLevel } from './level.ts';
import type { PssVersion } from './version.ts';

type Loose = Record<string, unknown>;
const v = (minor: number): PssVersion => ({ major: 1, minor });

/** The (reason, detail) pairs of a pod evaluated with only one check's failure kept. */
function failure(
  spec: Loose,
  checkId: string,
  level: PssLevel = 'restricted',
  version: PssVersion = 'latest',
  metadata: Loose = {},
) {
  const found = evaluatePod(
    metadata as ObjectMeta,
    spec as unknown as PodSpec,
    level,
    version,
  ).find((f) => f.checkId === checkId);
  return found === undefined
    ? undefined
    : { reason: found.forbiddenReason, detail: found.forbiddenDetail, fields: found.fields };
}
const c = (name: string, securityContext?: Loose, extra: Loose = {}) => ({
  name,
  image: 'i',
  ...(securityContext === undefined ? {} : { securityContext }),
  ...extra,
});

describe('evaluatePod: untrusted input', () => {
  it('treats values of the wrong type as unset', () => {
    const spec = {
      containers: 5,
      initContainers: [7, null, c('x', { privileged: 'true' })],
      volumes: 'v',
      hostPID: 'true',
    };
    expect(evaluatePod({}, spec as unknown as PodSpec, 'baseline', 'latest')).toEqual([]);
  });

  it('keeps input indexes when skipping junk entries', () => {
    const spec = { containers: [null, c('x', { privileged: true })] };
    expect(failure(spec, 'privileged', 'baseline')?.fields).toEqual([
      { in: 'spec', path: ['containers', 1, 'securityContext', 'privileged'] },
    ]);
  });

  it('never throws, whatever the input', () => {
    const levels = fc.constantFrom<PssLevel>('privileged', 'baseline', 'restricted');
    const versions = fc.oneof(fc.constant<PssVersion>('latest'), fc.nat(60).map(v));
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        levels,
        versions,
        (metadata, spec, level, version) => {
          evaluatePod(metadata as ObjectMeta, spec as PodSpec, level, version);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on pod-shaped garbage', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.constant({}),
      fc.constant([]),
    );
    const sc = fc.dictionary(
      fc.constantFrom(
        'privileged',
        'capabilities',
        'seccompProfile',
        'appArmorProfile',
        'seLinuxOptions',
        'windowsOptions',
        'runAsNonRoot',
        'runAsUser',
        'procMount',
        'sysctls',
      ),
      value,
    );
    const container = fc.record({
      name: value,
      securityContext: fc.oneof(sc, value),
      ports: fc.oneof(
        fc.array(fc.dictionary(fc.constantFrom('hostPort', 'containerPort'), value)),
        value,
      ),
    });
    const spec = fc.record({
      containers: fc.oneof(fc.array(fc.oneof(container, value)), value),
      hostNetwork: value,
      securityContext: fc.oneof(sc, value),
      volumes: fc.oneof(fc.array(fc.oneof(fc.dictionary(fc.string(), value), value)), value),
    });
    fc.assert(
      fc.property(spec, (s) => {
        evaluatePod(
          { annotations: { 'container.apparmor.security.beta.kubernetes.io/x': 'u' } },
          s as PodSpec,
          'restricted',
          'latest',
        );
      }),
      { numRuns: 500 },
    );
  });
});
