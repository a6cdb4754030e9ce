import type { ObjectRef } from '../engine/finding.ts';
import type { ScanObject } from '../model/kube-object.ts';

/** One rule of a Role or ClusterRole, with every list present (an absent list is empty, as in Go). */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

/** A binding subject as written (`namespace` only for ServiceAccounts, possibly missing). */
export interface Subject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface RoleRef {
  readonly kind: string;
  readonly name: string;
}

/** Where a rule of a role was written: the role holding it and its index in that role's `rules`. */
export interface RuleOrigin {
  readonly role: ObjectRef;
  readonly ruleIndex: number;
}

/** A Role or ClusterRole with its effective rules (after ClusterRole aggregation). */
export interface RoleDef {
  readonly key: string;
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
  /** Only for Roles. */
  readonly namespace?: string;
  readonly ref: ObjectRef;
  readonly labels: Readonly<Record<string, string>>;
  /** The rules the API server evaluates (aggregated for ClusterRoles with an aggregationRule). */
  rules: readonly PolicyRule[];
  /** Where each effective rule was written (same index as `rules`). */
  origins: readonly RuleOrigin[];
  /** The rules as written in the object. */
  readonly ownRules: readonly PolicyRule[];
  readonly aggregationSelectors?: readonly unknown[];
  /** The scanned object, or undefined for bootstrap data. */
  readonly item?: ScanObject;
  readonly bootstrap: boolean;
}

export interface BindingDef {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly name: string;
  /** Only for RoleBindings. */
  readonly namespace?: string;
  readonly ref: ObjectRef;
  readonly roleRef: RoleRef;
  /** Key of the role this binding points at (`Role/ns/name`, `ClusterRole/name`), whether or not it exists. */
  readonly roleKey: string;
  readonly subjects: readonly Subject[];
  readonly item?: ScanObject;
  readonly bootstrap: boolean;
  /** Position in evaluation order: ClusterRoleBindings by name, then RoleBindings by namespace and name. */
  order: number;
}

/**
 * A request as a SubjectAccessReview describes it, flattened: a resource request unless `path` is
 * set. Groups are taken as given (a SubjectAccessReview adds none); see `userInfo` for the groups
 * the API server adds to authenticated users.
 */
export interface AccessAttributes {
  readonly user: string;
  readonly groups: readonly string[];
  readonly verb: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly apiGroup?: string;
  /** Empty or absent: a cluster-wide request (only ClusterRoleBindings apply). */
  readonly namespace?: string;
  readonly name?: string;
  /** A non-resource URL such as `/healthz`; set means a non-resource request. */
  readonly path?: string;
}

/** The grant that allowed a request: binding, subject of the binding, role and rule. */
export interface RbacReason {
  readonly kind: 'rbac';
  readonly binding: ObjectRef;
  readonly subject: Subject;
  readonly role: ObjectRef;
  /** Index into the role's effective rules. */
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  /** Where the rule is written (another ClusterRole when it came through aggregation). */
  readonly origin: RuleOrigin;
}

/** `system:masters` is allowed everything by the API server's superuser authorizer, before RBAC. */
export interface SuperuserReason {
  readonly kind: 'superuser';
  readonly group: 'system:masters';
}

export type Reason = RbacReason | SuperuserReason;

export interface Decision {
  readonly allowed: boolean;
  readonly reason?: Reason;
  /** The reason as the API server words it (`RBAC: allowed by ClusterRoleBinding "x" of …`). */
  readonly message: string;
  /** Bindings whose role is not in the input (the API server reports these on denial). */
  readonly errors: readonly string[];
}
