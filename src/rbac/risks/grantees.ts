// Who holds a grant, in words a reader acts on: the subjects, and for service accounts the
// workloads whose pods run as them ("pods of Deployment argocd/argocd-server").
import {
  ALL_AUTHENTICATED,
  ALL_SERVICE_ACCOUNTS,
  ALL_UNAUTHENTICATED,
  serviceAccountNamespace,
} from '../subjects.ts';
import type { BindingDef, Subject } from '../types.ts';
import type { WorkloadIndex } from '../workloads.ts';
import { describeWorkload } from '../workloads.ts';

export interface Grantee {
  /** `ServiceAccount argocd/argocd-server`, `Group devs`, `User alice`. */
  subject: string;
  /** Workloads whose pods run as the subject (service accounts, and groups of them). */
  workloads: string[];
}

const MAX_WORKLOADS = 2;

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** The principals a binding's subjects name, deduplicated, with their workloads. */
export function granteesOf(bindings: readonly BindingDef[], workloads: WorkloadIndex): Grantee[] {
  const seen = new Map<string, Grantee>();
  for (const binding of bindings) {
    for (const subject of binding.subjects) {
      const grantee = granteeOf(subject, binding.namespace, workloads);
      if (grantee !== undefined && !seen.has(grantee.subject)) seen.set(grantee.subject, grantee);
    }
  }
  return [...seen.values()];
}

/** One subject in words, with the workloads that run as it (undefined when it names no one). */
export function granteeOf(
  subject: Subject,
  bindingNamespace: string | undefined,
  workloads: WorkloadIndex,
): Grantee | undefined {
  const { name } = subject;
  const namespace = serviceAccountNamespace(subject, bindingNamespace);
  switch (subject.kind) {
    case 'ServiceAccount': {
      if (namespace === undefined) return undefined;
      const links = workloads.byServiceAccount.get(`${namespace}/${name}`) ?? [];
      return {
        subject: `ServiceAccount ${namespace}/${name}`,
        workloads: unique(links.map(describeWorkload)),
      };
    }
    case 'Group': {
      if (name === ALL_AUTHENTICATED)
        return { subject: 'every authenticated user (Group system:authenticated)', workloads: [] };
      if (name === ALL_UNAUTHENTICATED)
        return { subject: 'anonymous users (Group system:unauthenticated)', workloads: [] };
      if (name === ALL_SERVICE_ACCOUNTS)
        return {
          subject: 'every service account (Group system:serviceaccounts)',
          workloads: unique(workloads.all.map(describeWorkload)),
        };
      const prefix = `${ALL_SERVICE_ACCOUNTS}:`;
      if (name.startsWith(prefix)) {
        const ns = name.slice(prefix.length);
        const links = workloads.byNamespace.get(ns) ?? [];
        return {
          subject: `every service account in ${ns} (Group ${name})`,
          workloads: unique(links.map(describeWorkload)),
        };
      }
      return { subject: `Group ${name}`, workloads: [] };
    }
    case 'User':
      return { subject: `User ${name}`, workloads: [] };
    default:
      return undefined;
  }
}

/** `ServiceAccount a/b (pods of Deployment a/x), Group g and 3 more`, or `no subject in the input`. */
export function describeGrantees(grantees: readonly Grantee[], limit = 3): string {
  if (grantees.length === 0) return 'no subject in the input';
  const shown = grantees.slice(0, limit).map((g) => {
    if (g.workloads.length === 0) return g.subject;
    const more =
      g.workloads.length > MAX_WORKLOADS ? ` and ${g.workloads.length - MAX_WORKLOADS} more` : '';
    return `${g.subject} (pods of ${g.workloads.slice(0, MAX_WORKLOADS).join(', ')}${more})`;
  });
  const rest = grantees.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length === 1
    ? (shown[0] ?? '')
    : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
