import type { PssCheckDefinition, PssCheckVersion } from './check.ts';
import type { PssLevel } from './level.ts';
import type { PssVersion } from './version.ts';
import { LATEST_MINOR, effectiveMinor } from './version.ts';
import { compareGo } from './internal/format.ts';
import { allowPrivilegeEscalationCheck } from './checks/allow-privilege-escalation.ts';
import { appArmorProfileCheck } from './checks/app-armor-profile.ts';
import { capabilitiesBaselineCheck } from './checks/capabilities-baseline.ts';
import { capabilitiesRestrictedCheck } from './checks/capabilities-restricted.ts';
import { hostNamespacesCheck } from './checks/host-namespaces.ts';
import { hostPathVolumesCheck } from './checks/host-path-volumes.ts';
import { hostPortsCheck } from './checks/host-ports.ts';
import { hostProbesAndHostLifecycleCheck } from './checks/host-probes-and-host-lifecycle.ts';
import { privilegedCheck } from './checks/privileged.ts';
import { procMountCheck } from './checks/proc-mount.ts';
import { procMountRestrictedCheck } from './checks/proc-mount-restricted.ts';
import { restrictedVolumesCheck } from './checks/restricted-volumes.ts';
import { runAsNonRootCheck } from './checks/run-as-non-root.ts';
import { runAsUserCheck } from './checks/run-as-user.ts';
import { seLinuxOptionsCheck } from './checks/se-linux-options.ts';
import { seccompProfileBaselineCheck } from './checks/seccomp-profile-baseline.ts';
import { seccompProfileRestrictedCheck } from './checks/seccomp-profile-restricted.ts';
import { sysctlsCheck } from './checks/sysctls.ts';
import { windowsHostProcessCheck } from './checks/windows-host-process.ts';

const ALL: readonly PssCheckDefinition[] = [
  allowPrivilegeEscalationCheck,
  appArmorProfileCheck,
  capabilitiesBaselineCheck,
  capabilitiesRestrictedCheck,
  hostNamespacesCheck,
  hostPathVolumesCheck,
  hostPortsCheck,
  hostProbesAndHostLifecycleCheck,
  privilegedCheck,
  procMountCheck,
  procMountRestrictedCheck,
  restrictedVolumesCheck,
  runAsNonRootCheck,
  runAsUserCheck,
  seLinuxOptionsCheck,
  seccompProfileBaselineCheck,
  seccompProfileRestrictedCheck,
  sysctlsCheck,
  windowsHostProcessCheck,
];

function byId(level: 'baseline' | 'restricted'): PssCheckDefinition[] {
  return ALL.filter((c) => c.level === level).sort((a, b) => compareGo(a.id, b.id));
}

/**
 * Every check of k8s.io/pod-security-admission (Kubernetes 1.37), in upstream evaluation order:
 * baseline checks sorted by id, then restricted checks sorted by id (policy/registry.go).
 */
export const PSS_CHECKS: readonly PssCheckDefinition[] = [
  ...byId('baseline'),
  ...byId('restricted'),
];

/** A check revision in force at one policy version. */
export interface ActiveCheck {
  definition: PssCheckDefinition;
  revision: PssCheckVersion;
}

function revisionAt(check: PssCheckDefinition, minor: number): PssCheckVersion | undefined {
  let found: PssCheckVersion | undefined;
  for (const revision of check.versions) if (revision.minVersion <= minor) found = revision;
  return found;
}

/**
 * The checks of one level at one minor version. Restricted runs the baseline checks, minus
 * those a restricted revision in force overrides, then the restricted checks (registry.go
 * `populate`).
 */
function resolve(level: 'baseline' | 'restricted', minor: number): ActiveCheck[] {
  const active: ActiveCheck[] = [];
  for (const definition of PSS_CHECKS) {
    if (level === 'baseline' && definition.level === 'restricted') continue;
    const revision = revisionAt(definition, minor);
    if (revision !== undefined) active.push({ definition, revision });
  }
  if (level === 'baseline') return active;
  const overridden = new Set(active.flatMap((a) => a.revision.overrides ?? []));
  return active.filter(
    (a) => a.definition.level === 'restricted' || !overridden.has(a.definition.id),
  );
}

// Resolved once at load: evaluation is then a table lookup.
const TABLES = {
  baseline: Array.from({ length: LATEST_MINOR + 1 }, (_, minor) => resolve('baseline', minor)),
  restricted: Array.from({ length: LATEST_MINOR + 1 }, (_, minor) => resolve('restricted', minor)),
};

const NONE: readonly ActiveCheck[] = [];

/** The checks, with their revisions, that a level and version evaluate, in evaluation order. */
export function activeChecks(level: PssLevel, version: PssVersion): readonly ActiveCheck[] {
  if (level === 'privileged') return NONE;
  return TABLES[level][effectiveMinor(version)] ?? NONE;
}

/** The catalogue entry of a check id. */
export function checkById(id: string): PssCheckDefinition | undefined {
  return PSS_CHECKS.find((c) => c.id === id);
}
