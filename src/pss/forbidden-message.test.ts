import { describe, expect, it } from 'vitest';
import { evaluatePod } from './evaluate.ts';
import { aggregateForbiddenDetail, forbiddenMessage, warningMessage } from './forbidden-message.ts';
import type { PssCheckFailure } from './check.ts';

const spec = {
  containers: [{ name: 'x', image: 'nginx' }],
};

describe('forbiddenMessage', () => {
  it('builds the API server message, failures in upstream order', () => {
    const failures = evaluatePod({ name: 'web' }, spec, 'restricted', 'latest');
    expect(forbiddenMessage('web', { level: 'restricted', version: 'latest' }, failures)).toBe(
      'pods "web" is forbidden: violates PodSecurity "restricted:latest": ' +
        'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('prints a pinned version and quotes the name as Go does', () => {
    const failures = evaluatePod({}, { ...spec, hostPID: true }, 'baseline', {
      major: 1,
      minor: 25,
    });
    expect(
      forbiddenMessage('a"b', { level: 'baseline', version: { major: 1, minor: 25 } }, failures),
    ).toBe(
      'pods "a\\"b" is forbidden: violates PodSecurity "baseline:v1.25": host namespaces (hostPID=true)',
    );
  });

  it('leaves the name out when it is empty (generateName)', () => {
    const failures = evaluatePod({}, { ...spec, hostIPC: true }, 'baseline', 'latest');
    expect(forbiddenMessage('', { level: 'baseline', version: 'latest' }, failures)).toBe(
      'pods is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostIPC=true)',
    );
  });

  it('formats warnings like the warn and audit modes', () => {
    const failures = evaluatePod({}, { ...spec, hostNetwork: true }, 'baseline', 'latest');
    expect(warningMessage({ level: 'baseline', version: 'latest' }, failures)).toBe(
      'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
    );
  });
});

describe('aggregateForbiddenDetail', () => {
  const failure = (forbiddenReason: string, forbiddenDetail: string): PssCheckFailure => ({
    checkId: 'x',
    level: 'baseline',
    forbiddenReason,
    forbiddenDetail,
    fields: [],
  });

  it('omits empty details and names empty reasons as upstream does', () => {
    expect(aggregateForbiddenDetail([failure('a', ''), failure('', 'd'), failure('b', 'e')])).toBe(
      'a, unknown forbidden reason (d), b (e)',
    );
  });
});
