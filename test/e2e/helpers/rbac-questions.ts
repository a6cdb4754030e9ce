import type { AccessAttributes } from '../../../src/rbac/index.ts';
import { serviceAccountUser, userGroups } from '../../../src/rbac/index.ts';
import type { WireObject } from './objects.ts';

/** A deterministic pseudo-random source (mulberry32), so that a failing run can be replayed. */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** Who asks: a user name and the groups a SubjectAccessReview names. */
export interface Principal {
  user: string;
  groups: readonly string[];
}

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

interface Binding {
  namespace: string | undefined;
  roleKey: string;
  subjects: { kind: string; name: string; namespace?: string }[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function rulesOf(object: WireObject): Rule[] {
  const rules = Array.isArray(object.rules) ? (object.rules as Record<string, unknown>[]) : [];
  return rules.map((r) => ({
    verbs: strings(r.verbs),
    apiGroups: strings(r.apiGroups),
    resources: strings(r.resources),
    resourceNames: strings(r.resourceNames),
    nonResourceURLs: strings(r.nonResourceURLs),
  }));
}

function roleKey(kind: string, namespace: string | undefined, name: string): string {
  return kind === 'Role' ? `Role/${namespace ?? ''}/${name}` : `ClusterRole/${name}`;
}

/** Vocabulary for wildcards and near misses. */
export interface Vocabulary {
  verbs: readonly string[];
  resources: readonly string[];
  subresources: readonly string[];
  groups: readonly string[];
  namespaces: readonly string[];
  paths: readonly string[];
  names: readonly string[];
}

/**
 * Generates `count` distinct questions over the given RBAC objects: mostly requests derived from
 * the rules of roles bound to the asking principal (so that many are allowed, through every
 * matching path), the rest from any role's rules, and a third of all perturbed in one field (a
 * near miss: another verb, resource, group, subresource, name, namespace, or URL).
 */
export function generateQuestions(
  objects: readonly WireObject[],
  principals: readonly Principal[],
  vocabulary: Vocabulary,
  rng: Rng,
  count: number,
): AccessAttributes[] {
  const roles = new Map<string, Rule[]>();
  const bindings: Binding[] = [];
  for (const o of objects) {
    const ns = o.metadata?.namespace;
    const name = o.metadata?.name ?? '';
    if (o.kind === 'Role' || o.kind === 'ClusterRole')
      roles.set(roleKey(o.kind, ns, name), rulesOf(o));
    if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
      const ref = (o.roleRef ?? {}) as { kind?: string; name?: string };
      bindings.push({
        namespace: o.kind === 'RoleBinding' ? ns : undefined,
        roleKey: roleKey(ref.kind ?? '', ns, ref.name ?? ''),
        subjects: Array.isArray(o.subjects) ? (o.subjects as Binding['subjects']) : [],
      });
    }
  }
  const allRules = [...roles.values()].flat();
  const applies = (b: Binding, p: Principal) =>
    b.subjects.some((s) =>
      s.kind === 'User'
        ? s.name === p.user
        : s.kind === 'Group'
          ? p.groups.includes(s.name)
          : s.kind === 'ServiceAccount' &&
            p.user === serviceAccountUser(s.namespace ?? b.namespace ?? '', s.name),
    );
  const boundTo = new Map(principals.map((p) => [p, bindings.filter((b) => applies(b, p))]));

  const questions = new Map<string, AccessAttributes>();
  for (let attempt = 0; questions.size < count && attempt < count * 20; attempt++) {
    const principal = rng.pick(principals);
    const own = boundTo.get(principal) ?? [];
    let rule: Rule | undefined;
    let namespace = rng.pick(vocabulary.namespaces);
    if (own.length > 0 && rng.chance(0.65)) {
      const binding = rng.pick(own);
      const rules = roles.get(binding.roleKey) ?? [];
      if (rules.length > 0) rule = rng.pick(rules);
      if (binding.namespace !== undefined && rng.chance(0.8)) namespace = binding.namespace;
    }
    rule ??= rng.pick(allRules);
    let q = fromRule(rule, principal, namespace, vocabulary, rng);
    if (rng.chance(0.35)) q = perturb(q, vocabulary, rng);
    questions.set(JSON.stringify(q), q);
  }
  return [...questions.values()];
}

function fromRule(
  rule: Rule,
  p: Principal,
  namespace: string,
  v: Vocabulary,
  rng: Rng,
): AccessAttributes {
  const wild = (value: string, pool: readonly string[]) => (value === '*' ? rng.pick(pool) : value);
  const verb = rule.verbs.length > 0 ? wild(rng.pick(rule.verbs), v.verbs) : rng.pick(v.verbs);
  const base = { user: p.user, groups: p.groups, verb };
  if (rule.nonResourceURLs.length > 0 && (rule.resources.length === 0 || rng.chance(0.5))) {
    const url = rng.pick(rule.nonResourceURLs);
    let path = url;
    if (url === '*') path = rng.pick(v.paths);
    else if (url.endsWith('*')) {
      const prefix = url.replace(/\*+$/, '');
      path = rng.pick([`${prefix}x/y`, prefix, prefix.replace(/\/$/, ''), `${prefix}more`]);
    } else if (rng.chance(0.2)) path = `${url}/`;
    return { ...base, path: path === '' ? '/' : path };
  }
  const group =
    rule.apiGroups.length > 0 ? wild(rng.pick(rule.apiGroups), v.groups) : rng.pick(v.groups);
  let resource = rule.resources.length > 0 ? rng.pick(rule.resources) : rng.pick(v.resources);
  let subresource = '';
  if (resource.includes('/')) {
    const [head = '', sub = ''] = resource.split('/', 2);
    resource = head === '*' ? rng.pick(v.resources) : head;
    subresource = sub === '*' ? rng.pick(v.subresources) : sub;
  } else if (resource === '*') {
    resource = rng.pick(v.resources);
    if (rng.chance(0.3)) subresource = rng.pick(v.subresources);
  }
  const name =
    rule.resourceNames.length > 0 && rng.chance(0.8)
      ? rng.pick(rule.resourceNames)
      : rng.chance(0.5)
        ? ''
        : rng.pick(v.names);
  return { ...base, apiGroup: group, resource, subresource, namespace, name };
}

function perturb(q: AccessAttributes, v: Vocabulary, rng: Rng): AccessAttributes {
  if (q.path !== undefined) {
    switch (rng.pick(['verb', 'path', 'slash'] as const)) {
      case 'verb':
        return { ...q, verb: rng.pick(v.verbs) };
      case 'path':
        return { ...q, path: rng.pick(v.paths) };
      case 'slash':
        return { ...q, path: q.path.endsWith('/') ? q.path.slice(0, -1) || '/' : `${q.path}/` };
    }
  }
  switch (rng.pick(['verb', 'upper', 'resource', 'sub', 'group', 'name', 'ns'] as const)) {
    case 'verb':
      return { ...q, verb: rng.pick(v.verbs) };
    case 'upper':
      return { ...q, verb: q.verb.toUpperCase() };
    case 'resource':
      return { ...q, resource: rng.pick(v.resources) };
    case 'sub':
      return { ...q, subresource: q.subresource === '' ? rng.pick(v.subresources) : '' };
    case 'group':
      return { ...q, apiGroup: rng.pick(v.groups) };
    case 'name':
      return { ...q, name: rng.pick(v.names) };
    case 'ns':
      return { ...q, namespace: rng.pick(v.namespaces) };
  }
}

/**
 * Principals named by the bindings (users; a member of each group; service accounts with the
 * groups their tokens carry), with the groups the API server gives authenticated users. Users in
 * `system:nodes` are left out: the Node authorizer, which we do not model, runs before RBAC.
 */
export function principalsOf(objects: readonly WireObject[], memberPrefix: string): Principal[] {
  const found = new Map<string, Principal>();
  const add = (p: Principal) => found.set(`${p.user}\u0000${p.groups.join(',')}`, p);
  for (const o of objects) {
    if (!Array.isArray(o.subjects)) continue;
    for (const s of o.subjects as { kind?: string; name?: string; namespace?: string }[]) {
      const name = s.name ?? '';
      if (s.kind === 'User') add({ user: name, groups: userGroups(name) });
      if (s.kind === 'Group' && name !== 'system:nodes' && name !== 'system:masters') {
        const member = `${memberPrefix}:member-of:${name}`;
        add({ user: member, groups: userGroups(member, [name]) });
      }
      if (s.kind === 'ServiceAccount') {
        const ns = s.namespace ?? o.metadata?.namespace ?? '';
        if (ns === '') continue;
        const user = serviceAccountUser(ns, name);
        add({ user, groups: userGroups(user) });
      }
    }
  }
  return [...found.values()];
}
