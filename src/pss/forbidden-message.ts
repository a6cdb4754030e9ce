import type { PssCheckFailure } from './check.ts';
import type { PssPolicy } from './policy-labels.ts';
import { formatVersion } from './version.ts';
import { goQuote } from './internal/format.ts';

/** `restricted:latest`, `baseline:v1.25`: upstream `LevelVersion.String()`. */
export function formatPolicy(policy: PssPolicy): string {
  return `${policy.level}:${formatVersion(policy.version)}`;
}

/**
 * The failures joined as upstream `AggregateCheckResult.ForbiddenDetail()` joins them:
 * `reason (detail), reason (detail)`.
 */
export function aggregateForbiddenDetail(failures: readonly PssCheckFailure[]): string {
  return failures
    .map((f) => {
      const reason = f.forbiddenReason === '' ? 'unknown forbidden reason' : f.forbiddenReason;
      return f.forbiddenDetail === '' ? reason : `${reason} (${f.forbiddenDetail})`;
    })
    .join(', ');
}

/**
 * The API server's message when the PodSecurity plugin denies a pod.
 * @example forbiddenMessage('web', { level: 'restricted', version: 'latest' }, failures)
 * // 'pods "web" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (…)'
 */
export function forbiddenMessage(
  podName: string,
  policy: PssPolicy,
  failures: readonly PssCheckFailure[],
): string {
  // errors.NewForbidden: `<resource> "<name>" is forbidden: <err>`, without the name when empty.
  const subject = podName === '' ? 'pods' : `pods ${goQuote(podName)}`;
  return `${subject} is forbidden: violates PodSecurity ${goQuote(formatPolicy(policy))}: ${aggregateForbiddenDetail(failures)}`;
}

/** The warning the API server returns for workloads and in warn/audit mode. */
export function warningMessage(policy: PssPolicy, failures: readonly PssCheckFailure[]): string {
  return `would violate PodSecurity ${goQuote(formatPolicy(policy))}: ${aggregateForbiddenDetail(failures)}`;
}
