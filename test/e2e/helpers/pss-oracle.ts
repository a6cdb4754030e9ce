import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import {
  ENFORCE_LEVEL_LABEL,
  ENFORCE_VERSION_LABEL,
  evaluatePod,
  forbiddenMessage,
  parseVersion,
  warningMessage,
} from '../../../src/pss/index.ts';
import { kubeRequest } from '../kube-request.ts';
import type { KubeEndpoint, KubeResponse } from '../kube-request.ts';
import type { Discovery } from './discovery.ts';
import { createNamespace, statusMessage, uniqueName } from './objects.ts';
import type { WireObject } from './objects.ts';
import { mapLimit } from './pool.ts';

export type EnforcedLevel = 'baseline' | 'restricted';

/** One object to create under one enforced policy: a Pod, or a workload whose template is checked. */
export interface PssCase {
  /** Where the pod came from, for reports: `restricted/v1.25/fail/sysctls0.yaml`, `argo-cd/install.yaml#4 …`. */
  id: string;
  level: EnforcedLevel;
  /** The `enforce-version` label: `v1.25` or `latest`. */
  version: string;
  /** Which group of namespaces the case runs in (each group has its own ServiceAccounts). */
  group: string;
  /**
   * What is created. A Pod is denied by an enforce violation; any other kind is admitted with a
   * `would violate PodSecurity` warning about its pod template.
   */
  object: WireObject;
  /** The pod metadata and spec our engine evaluates. */
  metadata: ObjectMeta;
  spec: PodSpec;
}

/** What the API server or our engine decided, with the PodSecurity message when it objected. */
export type Verdict =
  | { verdict: 'allowed' }
  | { verdict: 'denied'; message: string }
  /** The server answered something other than a PodSecurity decision (a validation error, say). */
  | { verdict: 'error'; status: number; message: string };

export interface PssComparison {
  case: PssCase;
  server: Verdict;
  ours: Verdict;
}

function isPod(c: PssCase): boolean {
  return c.object.kind === 'Pod';
}

/**
 * Our engine's answer, worded as the API server's: the Forbidden message for a Pod, the warning
 * for a workload (its template evaluated without the Pod-only defaulting).
 */
export function engineVerdict(c: PssCase): Verdict {
  const version = parseVersion(c.version);
  if (version === undefined) throw new Error(`bad enforce-version ${c.version} in ${c.id}`);
  const policy = { level: c.level, version };
  const failures = evaluatePod(c.metadata, c.spec, c.level, version, { template: !isPod(c) });
  if (failures.length === 0) return { verdict: 'allowed' };
  const name = c.object.metadata?.name ?? '';
  return {
    verdict: 'denied',
    message: isPod(c) ? forbiddenMessage(name, policy, failures) : warningMessage(policy, failures),
  };
}

// RFC 7234 warn-text as Go's net/http writes it: `299 - "text"` with `"` and `\` escaped.
function warningText(header: string): string {
  const match = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(header);
  return match?.[1] === undefined ? header : match[1].replace(/\\(.)/g, '$1');
}

function serverVerdict(c: PssCase, res: KubeResponse): Verdict {
  const message = statusMessage(res);
  if (isPod(c)) {
    if (res.status === 201) return { verdict: 'allowed' };
    if (res.status === 403 && message.includes('violates PodSecurity'))
      return { verdict: 'denied', message };
  } else if (res.status === 201) {
    const warnings = res.warnings
      .map(warningText)
      .filter((w) => w.startsWith('would violate PodSecurity'));
    if (warnings.length === 0) return { verdict: 'allowed' };
    return { verdict: 'denied', message: warnings.join('\n') };
  }
  return { verdict: 'error', status: res.status, message };
}

/**
 * Creates one namespace per (group, level, version) enforcing that policy, then creates every
 * case's object with server-side dry-run (nothing is persisted), 8 requests in flight, and
 * evaluates it with our engine too. `serviceAccounts` are created in each group's namespaces, so
 * that pods naming them reach the PodSecurity plugin rather than fail in ServiceAccount admission.
 */
export async function runPssCases(
  cluster: KubeEndpoint,
  discovery: Discovery,
  cases: readonly PssCase[],
  serviceAccounts: ReadonlyMap<string, Iterable<string>> = new Map(),
): Promise<PssComparison[]> {
  const namespaces = new Map<string, string>();
  const keyOf = (c: PssCase) => `${c.group}|${c.level}|${c.version}`;
  const distinct = [...new Map(cases.map((c) => [keyOf(c), c])).values()];
  await mapLimit(distinct, 4, async (c) => {
    const name = uniqueName(`pss-${c.group}-${c.level.slice(0, 4)}-${c.version.replace('.', '-')}`);
    const labels = { [ENFORCE_LEVEL_LABEL]: c.level, [ENFORCE_VERSION_LABEL]: c.version };
    await createNamespace(cluster, name, labels, serviceAccounts.get(c.group) ?? []);
    namespaces.set(keyOf(c), name);
  });
  return mapLimit(cases, 8, async (c) => {
    const namespace = namespaces.get(keyOf(c)) ?? '';
    const path = await discovery.collectionPath(c.object, namespace);
    if (path === undefined) {
      const server: Verdict = {
        verdict: 'error',
        status: 404,
        message: `${c.object.apiVersion} ${c.object.kind} is not served`,
      };
      return { case: c, server, ours: engineVerdict(c) };
    }
    const res = await kubeRequest(cluster, {
      path,
      query: { dryRun: 'All' },
      body: { ...c.object, metadata: { ...c.object.metadata, namespace } },
    });
    return { case: c, server: serverVerdict(c, res), ours: engineVerdict(c) };
  });
}

/** A DNS-1123 subdomain made from arbitrary text, for object names. */
export function dnsName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 200)
    .replace(/[^a-z0-9]+$/, '');
  return name === '' ? 'pod' : name;
}
