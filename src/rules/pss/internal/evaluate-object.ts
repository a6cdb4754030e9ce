import type { ScanSettings } from '../../../engine/settings.ts';
import type { Inventory } from '../../../model/inventory.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import { labelsOf } from '../../../model/kube-object.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import { podSpecOf } from '../../../model/pod-spec.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { PssCheckFailure, ResolvedPssPolicy } from '../../../pss/index.ts';
import { evaluatePod, parseVersion, policyForNamespace } from '../../../pss/index.ts';

/** One workload's Pod Security evaluation, shared by every pss-* rule. */
export interface PssEvaluation {
  pod: PodSpecRef;
  /** The namespace's enforced policy, or the scan's default when the input has no such labels. */
  policy: ResolvedPssPolicy;
  failures: readonly PssCheckFailure[];
}

export interface EvaluationInput {
  readonly object: KubeObject;
  readonly inventory: Inventory;
  readonly settings: ScanSettings;
}

interface CacheEntry {
  inventory: Inventory;
  settings: ScanSettings;
  evaluation: PssEvaluation | undefined;
}

// Keyed by object; an entry is reused only within the same scan (inventory and settings).
const cache = new WeakMap<KubeObject, CacheEntry>();

/**
 * The policy a workload's pods are admitted under: the labels of its Namespace when the input
 * contains that Namespace (upstream PolicyToEvaluate), else the scan's default.
 */
export function policyFor(input: EvaluationInput): ResolvedPssPolicy {
  const defaults = {
    level: input.settings.pss.level,
    version: parseVersion(input.settings.pss.version) ?? 'latest',
  };
  const name = effectiveNamespace(input.object);
  const namespace = name === undefined ? undefined : input.inventory.namespace(name);
  return policyForNamespace(
    namespace === undefined ? undefined : labelsOf(namespace.object),
    defaults,
  );
}

/**
 * Evaluates the object's pod spec once per scan; undefined for objects that run no pods. A
 * workload's template is evaluated as the Pods its controller creates (the Pod-only API server
 * adjustments included), since admission is enforced on those Pods.
 */
export function evaluateObject(input: EvaluationInput): PssEvaluation | undefined {
  const cached = cache.get(input.object);
  if (cached?.inventory === input.inventory && cached.settings === input.settings) {
    return cached.evaluation;
  }
  const pod = podSpecOf(input.object);
  let evaluation: PssEvaluation | undefined;
  if (pod !== undefined) {
    const policy = policyFor(input);
    const failures = evaluatePod(pod.metadata, pod.spec, policy.level, policy.version);
    evaluation = { pod, policy, failures };
  }
  cache.set(input.object, {
    inventory: input.inventory,
    settings: input.settings,
    evaluation,
  });
  return evaluation;
}
