import type { PssRule } from './internal/define-pss-rule.ts';
import allowPrivilegeEscalation from './pss-allow-privilege-escalation.ts';
import apparmor from './pss-apparmor.ts';
import capabilitiesBaseline from './pss-capabilities-baseline.ts';
import capabilitiesRestricted from './pss-capabilities-restricted.ts';
import hostNamespaces from './pss-host-namespaces.ts';
import hostPathVolumes from './pss-host-path-volumes.ts';
import hostPorts from './pss-host-ports.ts';
import hostProbesAndHostLifecycle from './pss-host-probes-and-host-lifecycle.ts';
import privileged from './pss-privileged.ts';
import procMount from './pss-proc-mount.ts';
import procMountRestricted from './pss-proc-mount-restricted.ts';
import restrictedVolumes from './pss-restricted-volumes.ts';
import runAsNonRoot from './pss-run-as-non-root.ts';
import runAsUser from './pss-run-as-user.ts';
import seccompBaseline from './pss-seccomp-baseline.ts';
import seccompRestricted from './pss-seccomp-restricted.ts';
import selinux from './pss-selinux.ts';
import sysctls from './pss-sysctls.ts';
import windowsHostProcess from './pss-windows-host-process.ts';

/** One rule per upstream PodSecurity check, sorted by id. */
export const pssRules: readonly PssRule[] = [
  allowPrivilegeEscalation,
  apparmor,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompBaseline,
  seccompRestricted,
  selinux,
  sysctls,
  windowsHostProcess,
];

/** The rule id that reports each upstream check id. */
export const pssRuleIdByCheck: ReadonlyMap<string, string> = new Map(
  pssRules.map((rule) => [rule.checkId, rule.id]),
);
