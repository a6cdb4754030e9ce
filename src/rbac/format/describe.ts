import type { ObjectRef } from '../../engine/finding.ts';
import type { AccessAttributes, PolicyRule, Subject } from '../types.ts';

/** `ClusterRoleBinding b`, `RoleBinding ns/b`. */
export function describeObject(ref: ObjectRef): string {
  return ref.namespace === undefined
    ? `${ref.kind} ${ref.name}`
    : `${ref.kind} ${ref.namespace}/${ref.name}`;
}

/** `User alice`, `ServiceAccount ns/name`. */
export function describePrincipal(subject: Subject): string {
  return subject.kind === 'ServiceAccount'
    ? `ServiceAccount ${subject.namespace ?? ''}/${subject.name}`
    : `${subject.kind} ${subject.name}`;
}

const list = (values: readonly string[]) =>
  `[${values.map((v) => (v === '' ? '""' : v)).join(', ')}]`;

/** A rule in one line: `verbs=[get, list] apiGroups=[""] resources=[pods]`. */
export function describeRule(rule: PolicyRule): string {
  const parts = [`verbs=${list(rule.verbs)}`];
  if (rule.apiGroups.length > 0) parts.push(`apiGroups=${list(rule.apiGroups)}`);
  if (rule.resources.length > 0) parts.push(`resources=${list(rule.resources)}`);
  if (rule.resourceNames.length > 0) parts.push(`resourceNames=${list(rule.resourceNames)}`);
  if (rule.nonResourceURLs.length > 0) parts.push(`nonResourceURLs=${list(rule.nonResourceURLs)}`);
  return parts.join(' ');
}

/** `get pods/log.apps "x" in namespace ns`, `get /healthz`, as a request reads. */
export function describeRequest(request: Omit<AccessAttributes, 'user' | 'groups'>): string {
  if (request.path !== undefined) return `${request.verb} ${request.path}`;
  const group =
    request.apiGroup === undefined || request.apiGroup === '' ? '' : `.${request.apiGroup}`;
  const sub =
    request.subresource === undefined || request.subresource === ''
      ? ''
      : `/${request.subresource}`;
  const name = request.name === undefined || request.name === '' ? '' : ` "${request.name}"`;
  const where =
    request.namespace === undefined || request.namespace === ''
      ? 'cluster-wide'
      : `in namespace ${request.namespace}`;
  return `${request.verb} ${request.resource ?? ''}${group}${sub}${name} ${where}`;
}
