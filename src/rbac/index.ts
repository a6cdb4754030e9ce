export { authorize, describeGrant } from './authorize.ts';
export {
  BOOTSTRAP_VERSION,
  bootstrapObjects,
  bootstrapScanObjects,
  isBootstrapObject,
} from './bootstrap/index.ts';
export { missingDefaultRoles } from './bootstrap/missing-defaults.ts';
export { canIJson, canIText } from './format/can-i.ts';
export { pathsDot, pathsJson, pathsText } from './format/paths.ts';
export { whoCanJson, whoCanText } from './format/who-can.ts';
export { privilegedNamespacesOf } from './grant-scope.ts';
export type { GrantScope } from './grant-scope.ts';
export { ruleAllows } from './match.ts';
export { buildEscalationGraph } from './paths/graph.ts';
export { shortestPaths } from './paths/search.ts';
export type { EscalationGraph, EscalationPath, PathEdge, PathNode } from './paths/types.ts';
export { buildRbacIndex, rbacIndexOf } from './rbac-index.ts';
export type { BootstrapMode, RbacIndex } from './rbac-index.ts';
export { parseRequestArgs } from './request-arg.ts';
export type { RequestArg } from './request-arg.ts';
export { fromSubjectAccessReviewSpec, toSubjectAccessReviewSpec } from './sar.ts';
export type { SubjectAccessReviewSpec } from './sar.ts';
export { serviceAccountUser, userGroups } from './subjects.ts';
export type { AccessAttributes, Decision, PolicyRule, Reason } from './types.ts';
export { whoCan } from './who-can.ts';
export type { WhoCanGrant, WhoCanRequest, WhoCanResult } from './who-can.ts';
export { workloadsOf } from './workloads.ts';
