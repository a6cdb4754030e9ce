import { describe, expect, it } from 'vitest';
import { PSS_CHECKS, activeChecks, checkById } from './catalogue.ts';
import type { PssVersion } from './version.ts';

const ids = (level: 'privileged' | 'baseline' | 'restricted', version: PssVersion) =>
  activeChecks(level, version).map((a) => a.definition.id);
const v = (minor: number): PssVersion => ({ major: 1, minor });

describe('PSS_CHECKS', () => {
  it('lists the upstream checks, baseline then restricted, each sorted by id as Go sorts', () => {
    expect(PSS_CHECKS.map((c) => `${c.level}/${c.id}`)).toEqual([
      'baseline/appArmorProfile',
      'baseline/capabilities_baseline',
      'baseline/hostNamespaces',
      'baseline/hostPathVolumes',
      'baseline/hostPorts',
      'baseline/hostProbesAndHostLifecycle',
      'baseline/privileged',
      'baseline/procMount',
      'baseline/seLinuxOptions',
      'baseline/seccompProfile_baseline',
      'baseline/sysctls',
      'baseline/windowsHostProcess',
      'restricted/allowPrivilegeEscalation',
      'restricted/capabilities_restricted',
      'restricted/procMount_restricted',
      'restricted/restrictedVolumes',
      'restricted/runAsNonRoot',
      'restricted/runAsUser',
      'restricted/seccompProfile_restricted',
    ]);
  });

  it('keeps revisions strictly increasing, and overrides only on restricted checks of baseline ids', () => {
    for (const check of PSS_CHECKS) {
      const minors = check.versions.map((r) => r.minVersion);
      expect(minors).toEqual([...new Set(minors)].sort((a, b) => a - b));
      for (const revision of check.versions) {
        for (const id of revision.overrides ?? []) {
          expect(check.level).toBe('restricted');
          expect(checkById(id)?.level).toBe('baseline');
        }
      }
    }
  });
});

describe('activeChecks', () => {
  it('runs nothing for privileged', () => {
    expect(ids('privileged', 'latest')).toEqual([]);
  });

  it('gates checks by their first version', () => {
    expect(ids('baseline', v(33))).not.toContain('hostProbesAndHostLifecycle');
    expect(ids('baseline', v(34))).toContain('hostProbesAndHostLifecycle');
    expect(ids('restricted', v(7))).not.toContain('allowPrivilegeEscalation');
    expect(ids('restricted', v(8))).toContain('allowPrivilegeEscalation');
    expect(ids('restricted', v(22))).not.toContain('runAsUser');
    expect(ids('restricted', v(23))).toContain('runAsUser');
  });

  it('replaces overridden baseline checks in restricted, from the overriding revision on', () => {
    expect(ids('restricted', v(18))).toContain('seccompProfile_baseline');
    expect(ids('restricted', v(19))).not.toContain('seccompProfile_baseline');
    expect(ids('restricted', v(21))).toContain('capabilities_baseline');
    expect(ids('restricted', v(22))).not.toContain('capabilities_baseline');
    expect(ids('restricted', v(34))).toContain('procMount');
    expect(ids('restricted', v(35))).toEqual(
      expect.not.arrayContaining(['procMount', 'hostPathVolumes']),
    );
    expect(ids('baseline', 'latest')).toEqual(
      expect.arrayContaining(['procMount', 'hostPathVolumes']),
    );
  });

  it('evaluates restricted latest as upstream orders it', () => {
    expect(ids('restricted', 'latest')).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
    expect(ids('restricted', v(500))).toEqual(ids('restricted', 'latest'));
  });
});
