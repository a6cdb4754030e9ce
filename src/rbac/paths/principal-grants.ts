// What each principal may do, summarised per capability and scope: the bindings that apply to it
// (its own subject key and those of its groups, through the subject index), and for each the
// role's first rule granting the capability. Work per role is done once and shared.
import { CAPABILITIES, matchedProbes } from '../risks/capabilities.ts';
import type { Capability } from '../risks/capabilities.ts';
import { probes } from '../risks/probe.ts';
import type { Probe } from '../risks/probe.ts';
import type { RbacIndex } from '../rbac-index.ts';
import type { BindingDef, PolicyRule, RoleDef } from '../types.ts';
import type { StepGrant } from './types.ts';

const RBAC = 'rbac.authorization.k8s.io';

/** The capabilities the graph follows: the catalogue's and the helpers that complete them. */
export const PATH_CAPABILITIES = {
  ...CAPABILITIES,
  createClusterRoleBindings: {
    id: 'create-clusterrolebindings',
    summary: 'create ClusterRoleBindings',
    probes: probes(['create'], [`${RBAC}/clusterrolebindings`], { clusterScoped: true }),
  },
  createRoleBindings: {
    id: 'create-rolebindings',
    summary: 'create RoleBindings',
    probes: probes(['create'], [`${RBAC}/rolebindings`]),
  },
  writeClusterRoles: {
    id: 'write-clusterroles',
    summary: 'write ClusterRoles',
    probes: probes(['create', 'update', 'patch'], [`${RBAC}/clusterroles`], {
      clusterScoped: true,
    }),
  },
  tokenRequest: {
    id: 'token-request',
    summary: 'request service-account tokens',
    probes: probes(['create'], ['/serviceaccounts/token'], { anyName: true }),
  },
  mutatingWebhooks: {
    id: 'mutating-webhooks',
    summary: 'write mutating admission webhooks',
    probes: probes(
      ['create', 'update', 'patch'],
      ['admissionregistration.k8s.io/mutatingwebhookconfigurations'],
      { clusterScoped: true },
    ),
  },
} as const satisfies Record<string, Capability>;

export type PathCapability = keyof typeof PATH_CAPABILITIES;

/** One capability a principal holds: where (namespace, or undefined for cluster-wide) and why. */
export interface HeldGrant {
  namespace: string | undefined;
  grant: StepGrant;
  /** Every rule of the role that grants the capability (the grant names the first). */
  rules: PolicyRule[];
  probes: Probe[];
}

export type HeldCapabilities = Map<PathCapability, HeldGrant[]>;

interface RoleCapability {
  ruleIndex: number;
  probes: Probe[];
  rules: PolicyRule[];
  /** Some probe is cluster-scoped or tied to a namespace. */
  constrained: boolean;
}

type RoleCapabilities = Map<PathCapability, RoleCapability>;

export class PrincipalGrants {
  readonly #index: RbacIndex;
  readonly #byRole = new Map<string, RoleCapabilities>();
  readonly #byKey = new Map<string, HeldCapabilities>();

  constructor(index: RbacIndex) {
    this.#index = index;
  }

  /** Capabilities held through the bindings of any of these subject keys. */
  of(keys: readonly string[]): HeldCapabilities {
    const held: HeldCapabilities = new Map();
    for (const key of keys) {
      for (const [name, grants] of this.#ofKey(key)) {
        const list = held.get(name);
        if (list === undefined) held.set(name, [...grants]);
        else list.push(...grants);
      }
    }
    return held;
  }

  #ofKey(key: string): HeldCapabilities {
    let held = this.#byKey.get(key);
    if (held !== undefined) return held;
    held = new Map();
    for (const binding of this.#index.bySubject.get(key) ?? []) this.#addBinding(held, binding);
    this.#byKey.set(key, held);
    return held;
  }

  #addBinding(held: HeldCapabilities, binding: BindingDef): void {
    const role = this.#index.roles.get(binding.roleKey);
    if (role === undefined) return;
    for (const [name, { ruleIndex, probes: matched, rules, constrained }] of this.#ofRole(role)) {
      const ns = binding.namespace;
      // Only probes bound to the cluster or to one namespace can fail in a RoleBinding.
      const effective =
        ns === undefined || !constrained
          ? matched
          : matched.filter(
              (p) => p.clusterScoped !== true && (p.namespace === undefined || p.namespace === ns),
            );
      if (effective.length === 0) continue;
      const entry: HeldGrant = {
        namespace: binding.namespace,
        grant: { binding: binding.ref, role: role.ref, ruleIndex },
        rules,
        probes: effective,
      };
      const list = held.get(name);
      if (list === undefined) held.set(name, [entry]);
      else list.push(entry);
    }
  }

  #ofRole(role: RoleDef): RoleCapabilities {
    let caps = this.#byRole.get(role.key);
    if (caps !== undefined) return caps;
    caps = new Map();
    for (const [name, capability] of Object.entries(PATH_CAPABILITIES) as [
      PathCapability,
      Capability,
    ][]) {
      const found = firstMatch(role.rules, capability);
      if (found !== undefined) caps.set(name, found);
    }
    this.#byRole.set(role.key, caps);
    return caps;
  }
}

/** The first rule granting a capability, with the probes every rule of the role matches. */
function firstMatch(
  rules: readonly PolicyRule[],
  capability: Capability,
): RoleCapability | undefined {
  let ruleIndex = -1;
  const all: Probe[] = [];
  const matching: PolicyRule[] = [];
  rules.forEach((rule, i) => {
    const matched = matchedProbes(capability, rule);
    if (matched.length === 0) return;
    if (ruleIndex < 0) ruleIndex = i;
    all.push(...matched);
    matching.push(rule);
  });
  if (ruleIndex < 0) return undefined;
  const constrained = all.some((p) => p.clusterScoped === true || p.namespace !== undefined);
  return { ruleIndex, probes: all, rules: matching, constrained };
}

/** Grants of a capability usable in a namespace (`undefined`: cluster-wide ones only). */
export function grantsIn(
  held: HeldCapabilities,
  name: PathCapability,
  namespace: string | undefined,
): HeldGrant[] {
  return (held.get(name) ?? []).filter(
    (g) => g.namespace === undefined || g.namespace === namespace,
  );
}
