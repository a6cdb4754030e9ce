import type { Inventory } from '../model/inventory.ts';
import { describeRef, labelsOf } from '../model/kube-object.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import { effectiveNamespace } from '../model/scope.ts';
import { evaluatePod } from './evaluate.ts';
import { warningMessage } from './forbidden-message.ts';
import { ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL } from './policy-labels.ts';

/** One namespace's Pod Security posture and what raising it to restricted:latest would reject. */
export interface NamespaceReadiness {
  namespace: string;
  /** The enforce label's level, or undefined when the namespace has none. */
  enforce?: string;
  enforceVersion?: string;
  workloads: number;
  /** Workloads whose pods restricted:latest would reject, with the API server's warning. */
  wouldReject: { object: string; message: string }[];
}

/**
 * For each namespace in the inventory: its effective Pod Security level (labels, or none) and the
 * workloads `restricted:latest` would reject, as the API server's warning would name them.
 */
export function pssReadiness(inventory: Inventory): NamespaceReadiness[] {
  const rows = new Map<string, NamespaceReadiness>();
  const row = (namespace: string) => {
    let found = rows.get(namespace);
    if (found === undefined) {
      const labels = labelsOf(
        inventory.namespace(namespace)?.object ?? { apiVersion: 'v1', kind: 'Namespace' },
      );
      found = { namespace, workloads: 0, wouldReject: [] };
      if (typeof labels[ENFORCE_LEVEL_LABEL] === 'string')
        found.enforce = labels[ENFORCE_LEVEL_LABEL];
      if (typeof labels[ENFORCE_VERSION_LABEL] === 'string')
        found.enforceVersion = labels[ENFORCE_VERSION_LABEL];
      rows.set(namespace, found);
    }
    return found;
  };
  for (const name of inventory.namespaceNames()) row(name);
  for (const item of inventory.objects) {
    const pod = podSpecOf(item.object);
    const namespace = effectiveNamespace(item.object);
    if (pod === undefined || namespace === undefined) continue;
    const entry = row(namespace);
    entry.workloads += 1;
    // A workload's template is judged as the API server judges it for its warning: without the
    // Pod-only defaulting (hostPort from containerPort under hostNetwork).
    const failures = evaluatePod(pod.metadata, pod.spec, 'restricted', 'latest', {
      template: item.object.kind !== 'Pod',
    });
    if (failures.length > 0) {
      entry.wouldReject.push({
        object: describeRef(item.ref),
        message: warningMessage({ level: 'restricted', version: 'latest' }, failures),
      });
    }
  }
  return [...rows.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
}

/** A plain-text table of the readiness rows. */
export function formatReadiness(rows: readonly NamespaceReadiness[]): string {
  const lines = rows.map((r) => {
    const level = r.enforce === undefined ? 'none' : `${r.enforce}:${r.enforceVersion ?? 'latest'}`;
    const head = `${r.namespace}  enforce=${level}  workloads=${r.workloads}  rejected-by-restricted=${r.wouldReject.length}`;
    return [head, ...r.wouldReject.map((w) => `  ${w.object}: ${w.message}`)].join('\n');
  });
  return `${lines.join('\n')}\n`;
}
