import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { PssCheckFailure } from './check.ts';
import type { PssLevel } from './level.ts';
import type { PssVersion } from './version.ts';
import { activeChecks } from './catalogue.ts';
import { podView } from './internal/pod-view.ts';

export interface EvaluateOptions {
  /**
   * Evaluate a workload's pod template as the API server does for its warnings, rather than a
   * Pod as admitted. Pods get two adjustments first, as the API server applies them before the
   * PodSecurity plugin runs: with `hostNetwork: true` every container port's hostPort defaults to
   * its containerPort (SetDefaults_Pod), and a `container.apparmor.security.beta.kubernetes.io/*`
   * annotation is copied into a container without its own appArmorProfile (PrepareForCreate).
   */
  template?: boolean;
}

/**
 * Evaluates a pod against a Pod Security level and version as the PodSecurity admission plugin
 * does, returning the failed checks in upstream order (empty when the pod is allowed). Input
 * values are untrusted: anything of the wrong type counts as unset.
 * @example evaluatePod(pod.metadata ?? {}, pod.spec, 'restricted', 'latest')
 */
export function evaluatePod(
  metadata: ObjectMeta | undefined,
  spec: PodSpec | undefined,
  level: PssLevel,
  version: PssVersion,
  options: EvaluateOptions = {},
): PssCheckFailure[] {
  const checks = activeChecks(level, version);
  const failures: PssCheckFailure[] = [];
  if (checks.length === 0) return failures;
  const pod = podView(metadata, spec, options.template === true);
  for (const { definition, revision } of checks) {
    const outcome = revision.check(pod);
    if (outcome === undefined) continue;
    failures.push({
      checkId: definition.id,
      level: definition.level,
      forbiddenReason: outcome.reason,
      forbiddenDetail: outcome.detail,
      fields: outcome.fields,
    });
  }
  return failures;
}
