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

describe('evaluatePod: baseline container and host checks', () => {
  it('privileged lists init, regular and ephemeral containers in upstream order', () => {
    const spec = {
      containers: [c('a'), c('b', {}), c('c', { privileged: false }), c('e', { privileged: true })],
      initContainers: [c('d', { privileged: true })],
      ephemeralContainers: [c('f', { privileged: true })],
    };
    expect(failure(spec, 'privileged')).toEqual({
      reason: 'privileged',
      detail: 'containers "d", "e", "f" must not set securityContext.privileged=true',
      fields: [
        { in: 'spec', path: ['initContainers', 0, 'securityContext', 'privileged'] },
        { in: 'spec', path: ['containers', 3, 'securityContext', 'privileged'] },
        { in: 'spec', path: ['ephemeralContainers', 0, 'securityContext', 'privileged'] },
      ],
    });
  });
  it('hostNamespaces names each namespace', () => {
    expect(
      failure(
        { hostNetwork: true, hostPID: true, hostIPC: true, containers: [] },
        'hostNamespaces',
        'baseline',
      )?.detail,
    ).toBe('hostNetwork=true, hostPID=true, hostIPC=true');
  });
  it('capabilities_baseline lists containers and sorted unique capabilities', () => {
    const spec = {
      containers: [
        c('a', { capabilities: { add: ['NET_RAW', 'CHOWN'] } }),
        c('b', { capabilities: { add: ['NET_RAW', 'SYS_ADMIN'] } }),
        c('c', { capabilities: { add: ['CHOWN'] } }),
      ],
    };
    const result = failure(spec, 'capabilities_baseline', 'baseline');
    expect(result?.detail).toBe(
      'containers "a", "b" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
    );
    expect(result?.fields.map((f) => f.path.join('.'))).toEqual([
      'containers.0.securityContext.capabilities.add.0',
      'containers.1.securityContext.capabilities.add.0',
      'containers.1.securityContext.capabilities.add.1',
    ]);
  });
  it('hostPorts sorts ports as text and pluralizes', () => {
    const one = {
      containers: [
        c('a', undefined, { ports: [{ containerPort: 1 }] }),
        c('b', undefined, { ports: [{ containerPort: 1, hostPort: 20 }] }),
      ],
    };
    expect(failure(one, 'hostPorts', 'baseline')?.detail).toBe('container "b" uses hostPort 20');
    const many = {
      containers: [
        c('b', undefined, {
          ports: [
            { containerPort: 1, hostPort: 10 },
            { containerPort: 2, hostPort: 20 },
          ],
        }),
        c('c', undefined, {
          ports: [
            { containerPort: 1, hostPort: 20 },
            { containerPort: 2, hostPort: 9 },
          ],
        }),
      ],
    };
    expect(failure(many, 'hostPorts', 'baseline')?.detail).toBe(
      'containers "b", "c" use hostPorts 10, 20, 9',
    );
  });
  it('hostPorts counts the hostPort the API server defaults from hostNetwork', () => {
    const spec = {
      hostNetwork: true,
      containers: [c('a', undefined, { ports: [{ containerPort: 8080 }] })],
      ephemeralContainers: [c('dbg', undefined, { ports: [{ containerPort: 9 }] })],
    };
    const template = evaluatePod({}, spec, 'baseline', 'latest', {
      template: true,
    });
    expect(template.map((f) => f.checkId)).toEqual(['hostNamespaces']);
    expect(failure(spec, 'hostPorts', 'baseline')).toEqual({
      reason: 'hostPort',
      detail: 'container "a" uses hostPort 8080',
      fields: [{ in: 'spec', path: ['containers', 0, 'ports', 0, 'hostPort'] }],
    });
  });
  it('hostProbesAndHostLifecycle starts at v1.34 and lists unique sorted containers and hosts', () => {
    const spec = {
      containers: [
        c('valid'),
        c('invalid1', undefined, { livenessProbe: { httpGet: { port: 80, host: 'a.com' } } }),
        c('invalid2', undefined, {
          lifecycle: { preStop: { tcpSocket: { port: 80, host: 'b.com' } } },
          startupProbe: { httpGet: { port: 80, host: 'a.com' } },
        }),
      ],
    };
    expect(failure(spec, 'hostProbesAndHostLifecycle', 'baseline', v(33))).toBeUndefined();
    const result = failure(spec, 'hostProbesAndHostLifecycle', 'baseline', v(34));
    expect(result?.detail).toBe(
      'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"',
    );
    expect(result?.fields.map((f) => f.path.join('.'))).toEqual([
      'containers.1.livenessProbe.httpGet.host',
      'containers.2.startupProbe.httpGet.host',
      'containers.2.lifecycle.preStop.tcpSocket.host',
    ]);
  });
});
