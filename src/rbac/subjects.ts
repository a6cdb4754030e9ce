// Which users a binding subject names, as appliesToUser does in
// https://github.com/kubernetes/kubernetes/blob/v1.37.2/pkg/registry/rbac/validation/rule.go
// and the groups the API server gives authenticated users
// (k8s.io/apiserver/pkg/authentication/serviceaccount/util.go, endpoints/filters/impersonation).
import type { Subject } from './types.ts';

export const SA_USER_PREFIX = 'system:serviceaccount:';
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS_USER = 'system:anonymous';
export const SUPERUSER_GROUP = 'system:masters';
export const ALL_SERVICE_ACCOUNTS = 'system:serviceaccounts';

/** `system:serviceaccount:NS:NAME`, the user name a service account's token authenticates as. */
export function serviceAccountUser(namespace: string, name: string): string {
  return `${SA_USER_PREFIX}${namespace}:${name}`;
}

/** Namespace and name of a service-account user name, or undefined for any other user. */
export function splitServiceAccountUser(
  user: string,
): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_USER_PREFIX)) return undefined;
  const parts = user.slice(SA_USER_PREFIX.length).split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { namespace: parts[0] ?? '', name: parts[1] ?? '' };
}

/** `system:serviceaccounts` and `system:serviceaccounts:NS`, which every service account token carries. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS, `${ALL_SERVICE_ACCOUNTS}:${namespace}`];
}

/**
 * The groups the API server gives a user: service-account groups for `system:serviceaccount:…`
 * users, then `system:authenticated` unless the user is `system:anonymous` (who gets
 * `system:unauthenticated`) or the groups already say either. Extra groups come first, as with
 * impersonation (`--as-group`).
 */
export function userGroups(user: string, extraGroups: readonly string[] = []): string[] {
  const groups = [...extraGroups];
  const add = (g: string) => {
    if (!groups.includes(g)) groups.push(g);
  };
  const sa = splitServiceAccountUser(user);
  if (sa !== undefined) serviceAccountGroups(sa.namespace).forEach(add);
  if (user === ANONYMOUS_USER) add(ALL_UNAUTHENTICATED);
  else if (!groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED))
    add(ALL_AUTHENTICATED);
  return groups;
}

/**
 * The namespace a subject's ServiceAccount lives in: its own, else the binding's. A
 * ClusterRoleBinding's ServiceAccount without a namespace names nobody (undefined).
 */
export function serviceAccountNamespace(
  subject: Subject,
  bindingNamespace: string | undefined,
): string | undefined {
  if (subject.namespace !== undefined && subject.namespace !== '') return subject.namespace;
  return bindingNamespace === '' ? undefined : bindingNamespace;
}

/** Whether a binding subject applies to a user with these groups (in the binding's namespace). */
export function subjectApplies(
  subject: Subject,
  user: string,
  groups: readonly string[],
  bindingNamespace: string | undefined,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user;
    case 'Group':
      return groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = serviceAccountNamespace(subject, bindingNamespace);
      return ns !== undefined && user === serviceAccountUser(ns, subject.name);
    }
    default:
      return false;
  }
}

/** A stable key for the principal a subject names: `User:x`, `Group:x`, `ServiceAccount:ns/x`. */
export function subjectKey(
  subject: Subject,
  bindingNamespace: string | undefined,
): string | undefined {
  switch (subject.kind) {
    case 'User':
    case 'Group':
      return `${subject.kind}:${subject.name}`;
    case 'ServiceAccount': {
      const ns = serviceAccountNamespace(subject, bindingNamespace);
      return ns === undefined ? undefined : `ServiceAccount:${ns}/${subject.name}`;
    }
    default:
      return undefined;
  }
}

/** `User "alice"`, `Group "g"`, `ServiceAccount "ns/name"`, for messages. */
export function describeSubject(subject: Subject, bindingNamespace?: string): string {
  if (subject.kind === 'ServiceAccount') {
    const ns = serviceAccountNamespace(subject, bindingNamespace) ?? '';
    return `ServiceAccount "${ns}/${subject.name}"`;
  }
  return `${subject.kind} "${subject.name}"`;
}
