import { describe, expect, it } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { evaluatePod } from '../evaluate.ts';
import type { EvaluateOptions } from '../evaluate.ts';
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

describe('evaluatePod: baseline profile checks', () => {
  it('appArmorProfile checks fields and annotations together', () => {
    const spec = {
      securityContext: { appArmorProfile: { type: 'Unconfined' } },
      containers: [
        c('a', { appArmorProfile: { type: 'RuntimeDefault' } }),
        c('b', { appArmorProfile: {} }),
      ],
    };
    const metadata = {
      annotations: {
        'container.apparmor.security.beta.kubernetes.io/b': 'unconfined',
        'container.apparmor.security.beta.kubernetes.io/a': 'localhost/x',
        'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default',
      },
    };
    expect(failure(spec, 'appArmorProfile', 'baseline', 'latest', metadata)).toEqual({
      reason: 'forbidden AppArmor profiles',
      detail:
        'pod and container "b" and annotation must not set AppArmor profile type to "", "Unconfined", "container.apparmor.security.beta.kubernetes.io/b="unconfined""',
      fields: [
        { in: 'spec', path: ['securityContext', 'appArmorProfile', 'type'] },
        { in: 'spec', path: ['containers', 1, 'securityContext', 'appArmorProfile', 'type'] },
        {
          in: 'metadata',
          path: ['annotations', 'container.apparmor.security.beta.kubernetes.io/b'],
        },
      ],
    });
  });
  it('appArmorProfile sees the field a Pod gets from its annotation, not a template', () => {
    const metadata = {
      annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' },
    };
    const spec = { containers: [c('a'), c('b')] };
    const detail = (options: EvaluateOptions) =>
      evaluatePod(metadata, spec as unknown as PodSpec, 'baseline', 'latest', options).map(
        (f) => `${f.forbiddenReason} (${f.forbiddenDetail})`,
      );
    expect(detail({})).toEqual([
      'forbidden AppArmor profiles (container "a" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
    ]);
    expect(detail({ template: true })).toEqual([
      'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
    ]);
    // Not copied on Windows pods, nor when the pod-level profile already says Unconfined.
    const windows = { ...spec, os: { name: 'windows' } };
    expect(failure(windows, 'appArmorProfile', 'baseline', 'latest', metadata)?.detail).toMatch(
      /^annotation /,
    );
    const podLevel = { ...spec, securityContext: { appArmorProfile: { type: 'Unconfined' } } };
    expect(failure(podLevel, 'appArmorProfile', 'baseline', 'latest', metadata)?.detail).toMatch(
      /^pod and annotation /,
    );
  });

  it('seLinuxOptions reports types, user and role', () => {
    const spec = {
      securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
      containers: [
        c('a', { seLinuxOptions: { type: 'container_t' } }),
        c('d', { seLinuxOptions: { type: 'container_engine_t' } }),
        c('e', { seLinuxOptions: { type: 'bar' } }),
        c('f', { seLinuxOptions: { user: 'bar' } }),
        c('g', { seLinuxOptions: { role: 'baz' } }),
      ],
    };
    expect(failure(spec, 'seLinuxOptions', 'baseline')?.detail).toBe(
      'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
    );
    expect(
      failure(
        { securityContext: { seLinuxOptions: { user: 'bad' } }, containers: [] },
        'seLinuxOptions',
        'baseline',
      )?.detail,
    ).toBe('pod set forbidden securityContext.seLinuxOptions: user may not be set');
  });
  it('seLinuxOptions allows container_engine_t from v1.31', () => {
    const spec = { containers: [c('a', { seLinuxOptions: { type: 'container_engine_t' } })] };
    expect(failure(spec, 'seLinuxOptions', 'baseline', v(30))?.detail).toBe(
      'container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
    );
    expect(failure(spec, 'seLinuxOptions', 'baseline', v(31))).toBeUndefined();
  });
  it('procMount relaxes for user-namespace pods in baseline from v1.35 only', () => {
    const spec = {
      hostUsers: false,
      containers: [c('d', { procMount: 'Unmasked' }), c('e', { procMount: 'other' })],
    };
    expect(failure(spec, 'procMount', 'baseline', v(34))?.detail).toBe(
      'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
    );
    expect(failure(spec, 'procMount', 'baseline', v(35))).toBeUndefined();
    expect(failure(spec, 'procMount_restricted', 'restricted', v(35))?.reason).toBe('procMount');
    expect(failure(spec, 'procMount', 'restricted', v(35))).toBeUndefined();
  });
  it('seccompProfile_baseline reads the alpha annotations before v1.19', () => {
    const metadata = {
      annotations: {
        'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/a': 'docker/default',
        'container.seccomp.security.alpha.kubernetes.io/b': '',
      },
    };
    const spec = {
      containers: [c('a'), c('b')],
      securityContext: { seccompProfile: { type: 'Unconfined' } },
    };
    const old = failure(spec, 'seccompProfile_baseline', 'baseline', v(18), metadata);
    expect(old?.detail).toBe(
      'forbidden annotations container.seccomp.security.alpha.kubernetes.io/b="", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    );
    expect(failure(spec, 'seccompProfile_baseline', 'baseline', v(19), metadata)?.detail).toBe(
      'pod must not set securityContext.seccompProfile.type to "Unconfined"',
    );
  });
  it('sysctls grow with the version and keep spec order', () => {
    const spec = {
      containers: [],
      securityContext: {
        sysctls: [
          { name: 'net.ipv4.tcp_notsent_lowat' },
          { name: 'b.x' },
          { name: 'a.x' },
          { name: 'net.ipv4.tcp_rmem' },
        ],
      },
    };
    expect(failure(spec, 'sysctls', 'baseline', v(31))?.detail).toBe(
      'net.ipv4.tcp_notsent_lowat, b.x, a.x, net.ipv4.tcp_rmem',
    );
    expect(failure(spec, 'sysctls', 'baseline', v(36))?.detail).toBe(
      'net.ipv4.tcp_notsent_lowat, b.x, a.x',
    );
    expect(failure(spec, 'sysctls', 'baseline', 'latest')?.detail).toBe('b.x, a.x');
  });
  it('windowsHostProcess names the pod first', () => {
    const spec = {
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [
        c('a', { windowsOptions: { hostProcess: true } }),
        c('b', { windowsOptions: { hostProcess: false } }),
      ],
    };
    expect(failure(spec, 'windowsHostProcess', 'baseline')?.detail).toBe(
      'pod and container "a" must not set securityContext.windowsOptions.hostProcess=true',
    );
  });
});
