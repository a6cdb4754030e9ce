import type { ObjectRef } from '../../engine/finding.ts';

/**
 * Nodes of the escalation graph: principals (users, groups, service accounts), workloads, and
 * three stand-ins: "any service account of a namespace", "root on a node" and the goal,
 * cluster-admin-equivalent power.
 */
export type PathNodeKind =
  | 'User'
  | 'Group'
  | 'ServiceAccount'
  | 'Workload'
  | 'NamespaceAccounts'
  | 'NamespacePods'
  | 'Node'
  | 'ClusterAdmin';

export interface PathNode {
  /** `User:alice`, `Group:devs`, `ServiceAccount:ns/name`, `Workload:Deployment/ns/name`, `NamespaceAccounts:ns` and `NamespacePods:ns` (`*` for all), `Node`, `ClusterAdmin`. */
  id: string;
  kind: PathNodeKind;
  label: string;
}

/** The RBAC grant behind a step: which binding gives which role, and the rule that allows it. */
export interface StepGrant {
  binding: ObjectRef;
  role: ObjectRef;
  ruleIndex: number;
}

export interface PathEdge {
  from: string;
  to: string;
  /** What the step does, completing "… can …" (`create pods in namespace ci`). */
  action: string;
  /** The permission used; absent for structural steps (a workload runs as its account). */
  grant?: StepGrant;
  /** A second permission the step needs as well (bind needs create rolebindings). */
  alsoNeeds?: StepGrant;
  /** Only works on one provider's clusters; searches skip it unless asked to follow it. */
  provider?: 'eks';
}

export interface EscalationPath {
  from: PathNode;
  steps: PathEdge[];
}

export interface EscalationGraph {
  nodes: ReadonlyMap<string, PathNode>;
  /** Edges by source node id. */
  edges: ReadonlyMap<string, readonly PathEdge[]>;
  /** Nodes a search starts from: every principal and workload of the input. */
  starts: readonly string[];
}

export const GOAL = 'ClusterAdmin';
export const NODE = 'Node';
