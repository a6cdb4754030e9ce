import type { AnyRule } from '../../engine/rule.ts';
import containerAllowPrivilegeEscalation from './container-allow-privilege-escalation.ts';
import containerApparmorUnconfined from './container-apparmor-unconfined.ts';
import containerCapabilitiesDropAll from './container-capabilities-drop-all.ts';
import containerCpuLimits from './container-cpu-limits.ts';
import containerCpuRequests from './container-cpu-requests.ts';
import containerDangerousCapabilities from './container-dangerous-capabilities.ts';
import containerEphemeralStorage from './container-ephemeral-storage.ts';
import containerHostPort from './container-host-port.ts';
import containerLivenessProbe from './container-liveness-probe.ts';
import containerLowGid from './container-low-gid.ts';
import containerLowUid from './container-low-uid.ts';
import containerMemoryLimits from './container-memory-limits.ts';
import containerMemoryRequests from './container-memory-requests.ts';
import containerPrivileged from './container-privileged.ts';
import containerProcMountUnmasked from './container-proc-mount-unmasked.ts';
import containerReadOnlyRootFs from './container-read-only-root-fs.ts';
import containerReadinessProbe from './container-readiness-probe.ts';
import containerRunAsNonRoot from './container-run-as-non-root.ts';
import containerSeccompProfile from './container-seccomp-profile.ts';
import containerSelinuxOptions from './container-selinux-options.ts';
import containerWindowsHostProcess from './container-windows-host-process.ts';
import deploymentPodDisruptionBudget from './deployment-pod-disruption-budget.ts';
import deploymentReplicas from './deployment-replicas.ts';
import hostPathSensitive from './host-path-sensitive.ts';
import hostPathVolume from './host-path-volume.ts';
import hostPathWritable from './host-path-writable.ts';
import imageDigest from './image-digest.ts';
import imagePullPolicy from './image-pull-policy.ts';
import imageRegistryAllowed from './image-registry-allowed.ts';
import imageTagLatest from './image-tag-latest.ts';
import podBare from './pod-bare.ts';
import podDefaultServiceAccount from './pod-default-service-account.ts';
import podHostAliases from './pod-host-aliases.ts';
import podHostIpc from './pod-host-ipc.ts';
import podHostNetwork from './pod-host-network.ts';
import podHostPid from './pod-host-pid.ts';
import podServiceAccountTokenAutomount from './pod-service-account-token-automount.ts';
import podShareProcessNamespace from './pod-share-process-namespace.ts';
import podUnsafeSysctls from './pod-unsafe-sysctls.ts';
import workloadNamespaceDefault from './workload-namespace-default.ts';
import workloadNamespaceKubeSystem from './workload-namespace-kube-system.ts';

/** The workload best-practice rules (beyond Pod Security), sorted by id. */
export const workloadRules: readonly AnyRule[] = [
  containerAllowPrivilegeEscalation,
  containerApparmorUnconfined,
  containerCapabilitiesDropAll,
  containerCpuLimits,
  containerCpuRequests,
  containerDangerousCapabilities,
  containerEphemeralStorage,
  containerHostPort,
  containerLivenessProbe,
  containerLowGid,
  containerLowUid,
  containerMemoryLimits,
  containerMemoryRequests,
  containerPrivileged,
  containerProcMountUnmasked,
  containerReadOnlyRootFs,
  containerReadinessProbe,
  containerRunAsNonRoot,
  containerSeccompProfile,
  containerSelinuxOptions,
  containerWindowsHostProcess,
  deploymentPodDisruptionBudget,
  deploymentReplicas,
  hostPathSensitive,
  hostPathVolume,
  hostPathWritable,
  imageDigest,
  imagePullPolicy,
  imageRegistryAllowed,
  imageTagLatest,
  podBare,
  podDefaultServiceAccount,
  podHostAliases,
  podHostIpc,
  podHostNetwork,
  podHostPid,
  podServiceAccountTokenAutomount,
  podShareProcessNamespace,
  podUnsafeSysctls,
  workloadNamespaceDefault,
  workloadNamespaceKubeSystem,
];
