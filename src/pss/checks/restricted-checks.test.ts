import { describe, expect, it } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { evaluatePod } from '../evaluate.ts';
import type { PssLevel } from '../level.ts';
import type { PssVersion } from '../version.ts';

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

describe('evaluatePod: restricted checks', () => {
  it('capabilities_restricted joins both problems with "; "', () => {
    const spec = {
      containers: [
        c('a', { capabilities: { add: ['FOO', 'BAR'] } }),
        c('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
        c('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } }),
      ],
    };
    expect(failure(spec, 'capabilities_restricted')?.detail).toBe(
      'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    );
  });

  it('exempts Windows pods from seccomp, capabilities and privilege escalation from v1.25', () => {
    const spec = {
      os: { name: 'windows' },
      securityContext: { runAsNonRoot: true },
      containers: [c('a')],
    };
    expect(evaluatePod({}, spec as PodSpec, 'restricted', 'latest')).toEqual([]);
    expect(evaluatePod({}, spec as PodSpec, 'restricted', v(24)).map((f) => f.checkId)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ]);
  });

  it('runAsNonRoot reports explicit false before missing values', () => {
    const spec = {
      securityContext: { runAsNonRoot: false },
      containers: [c('a', { runAsNonRoot: false }), c('b')],
    };
    expect(failure(spec, 'runAsNonRoot')?.detail).toBe(
      'pod and container "a" must not set securityContext.runAsNonRoot=false',
    );
    const implicit = failure(
      { containers: [c('a', { runAsNonRoot: true }), c('b')] },
      'runAsNonRoot',
    );
    expect(implicit).toEqual({
      reason: 'runAsNonRoot != true',
      detail: 'pod or container "b" must set securityContext.runAsNonRoot=true',
      fields: [{ in: 'spec', path: ['containers', 1, 'securityContext', 'runAsNonRoot'] }],
    });
  });

  it('runAsNonRoot and runAsUser relax for user-namespace pods from v1.35 only', () => {
    const spec = {
      hostUsers: false,
      securityContext: { runAsUser: 0 },
      containers: [c('a', { runAsUser: 0 })],
    };
    expect(failure(spec, 'runAsUser', 'restricted', v(34))?.detail).toBe(
      'pod and container "a" must not set runAsUser=0',
    );
    expect(failure(spec, 'runAsNonRoot', 'restricted', v(34))?.reason).toBe('runAsNonRoot != true');
    expect(failure(spec, 'runAsUser', 'restricted', v(35))).toBeUndefined();
    expect(failure(spec, 'runAsNonRoot', 'restricted', v(35))).toBeUndefined();
  });

  it('restrictedVolumes names types in upstream order and treats sourceless volumes as emptyDir', () => {
    const spec = {
      containers: [],
      volumes: [
        { name: 'a', hostPath: { path: '/' } },
        { name: 'b', nfs: { server: 's', path: '/' } },
        { name: 'c', image: { reference: 'x' } },
        { name: 'd' },
        { name: 'e', hostPath: { path: '/x' } },
      ],
    };
    expect(failure(spec, 'restrictedVolumes')).toEqual({
      reason: 'restricted volume types',
      detail: 'volumes "a", "b", "e" use restricted volume types "hostPath", "nfs"',
      fields: [
        { in: 'spec', path: ['volumes', 0, 'hostPath'] },
        { in: 'spec', path: ['volumes', 1, 'nfs'] },
        { in: 'spec', path: ['volumes', 4, 'hostPath'] },
      ],
    });
    expect(failure(spec, 'hostPathVolumes', 'baseline')?.detail).toBe('volumes "a", "e"');
  });

  it('seccompProfile_restricted accepts a pod-level profile', () => {
    const ok = { securityContext: { seccompProfile: { type: 'Localhost' } }, containers: [c('a')] };
    expect(failure(ok, 'seccompProfile_restricted')).toBeUndefined();
    const bad = { containers: [c('a', { seccompProfile: { type: 'Unconfined' } }), c('b')] };
    expect(failure(bad, 'seccompProfile_restricted')?.detail).toBe(
      'container "a" must not set securityContext.seccompProfile.type to "Unconfined"',
    );
  });
});
