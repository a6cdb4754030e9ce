import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../../../src/input/index.ts';
import { Inventory } from '../../../src/model/inventory.ts';
import type { KubeObject, ScanObject } from '../../../src/model/kube-object.ts';
import { refOf } from '../../../src/model/kube-object.ts';
import {
  ResourceResolver,
  createAttributes,
  denyMessage,
  evaluateVap,
  inventoryParams,
  policySetFrom,
  warningMessage,
} from '../../../src/vap/index.ts';
import type { UserInfo } from '../../../src/vap/index.ts';
import type { KubeResponse } from '../kube-request.ts';
import { statusMessage } from './objects.ts';
import type { WireObject } from './objects.ts';

export const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'vap');

/** An admission verdict as the API server reports it: status code, Forbidden message, warnings. */
export interface Verdict {
  allowed: boolean;
  code?: number;
  message?: string;
  warnings?: string[];
}

export interface FixtureCase {
  file: string;
  object: WireObject;
}

/** One fixture folder, renamed for this run and pointed at its own namespace. */
export interface Fixture {
  name: string;
  /** Params first, then policies, then bindings: the order to install them in. */
  install: WireObject[];
  cases: FixtureCase[];
  /** expected.yaml, as written (original names). */
  expected: Record<string, Verdict>;
  /** Namespaces the cases are created in (the test's own, plus any a case names, e.g. kube-system). */
  namespaces: string[];
}

const KIND_ORDER = ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'];
const order = (o: WireObject) => KIND_ORDER.indexOf(o.kind) + 1;

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Reads a fixture and rewrites it for a shared API server: policies and bindings get the run's
 * suffix (they are cluster-scoped), each binding also requires `label=<fixture>` on the namespace
 * (so only this fixture's namespaces are checked), and the `default` namespace of params, paramRefs
 * and cases becomes `namespace`.
 */
export async function readFixture(
  name: string,
  opts: { suffix: string; namespace: string; label: string },
): Promise<Fixture> {
  const dir = path.join(FIXTURES, name);
  const load = async (file: string) =>
    (await loadSources([file], { ...DEFAULT_LOAD_OPTIONS, cwd: dir })).objects.map((i) =>
      structuredClone<WireObject>(i.object),
    );
  const renamed = (n: string) => `${n}-${opts.suffix}`;
  const ns = (n: unknown) => (typeof n === 'string' && n !== 'default' ? n : opts.namespace);
  const install = (await load('policy.yaml')).map((o) => {
    const meta = (o.metadata ??= {});
    if (o.kind === 'ValidatingAdmissionPolicy') meta.name = renamed(meta.name ?? '');
    else if (o.kind === 'ValidatingAdmissionPolicyBinding') {
      meta.name = renamed(meta.name ?? '');
      const spec = o.spec as Record<string, Record<string, unknown> | string | undefined>;
      spec.policyName = renamed(typeof spec.policyName === 'string' ? spec.policyName : '');
      const ref = spec.paramRef as Record<string, unknown> | undefined;
      if (ref?.namespace !== undefined) ref.namespace = ns(ref.namespace);
      const match = (spec.matchResources ??= {}) as Record<string, unknown>;
      const selector = (match.namespaceSelector ??= {}) as { matchExpressions?: unknown[] };
      (selector.matchExpressions ??= []).push({
        key: opts.label,
        operator: 'In',
        values: [name],
      });
    } else if (meta.namespace !== undefined) meta.namespace = ns(meta.namespace);
    return o;
  });
  install.sort((a, b) => order(a) - order(b));
  const cases = readdirSync(path.join(dir, 'cases'))
    .sort()
    .map(async (file) => {
      const [object] = await load(path.join('cases', file));
      if (object === undefined) throw new Error(`${name}/${file} holds no object`);
      object.metadata = { ...object.metadata, namespace: ns(object.metadata?.namespace) };
      return { file, object };
    });
  const resolved = await Promise.all(cases);
  const namespaces = [
    ...new Set([opts.namespace, ...resolved.map((c) => c.object.metadata?.namespace ?? '')]),
  ];
  const expected = parse(readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Record<
    string,
    Verdict
  >;
  return { name, install, cases: resolved, expected, namespaces };
}

const scanObject = (object: KubeObject, seq: number): ScanObject => ({
  object,
  ref: refOf(object),
  origin: { source: 'admission' },
  seq,
});

/** metav1.StatusReason → HTTP code, as the validating policy dispatcher maps a Deny decision. */
const REASON_CODES: Readonly<Record<string, number>> = {
  Unauthorized: 401,
  Forbidden: 403,
  RequestEntityTooLarge: 413,
};

/**
 * Our engine's verdict on a dry-run CREATE of `object` by `user`, with the namespaces as the server
 * has them: every Deny decision is reported as the API server words the first one.
 */
export function engineVerdict(
  fixture: Fixture,
  object: KubeObject,
  namespaces: ReadonlyMap<string, KubeObject>,
  user: UserInfo,
): Verdict {
  const installed = fixture.install.map(scanObject);
  const inventory = new Inventory(installed);
  const set = policySetFrom(installed);
  const context = {
    namespace: (name: string) => namespaces.get(name),
    params: inventoryParams(inventory, []),
  };
  const attributes = {
    ...createAttributes(object, new ResourceResolver(inventory), user),
    dryRun: true,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions', dryRun: ['All'] },
  };
  const verdict: Verdict = { allowed: true };
  const warnings: string[] = [];
  for (const policy of set.policies) {
    for (const binding of set.bindingsOf.get(policy.name) ?? []) {
      for (const d of evaluateVap(policy, binding, attributes, context).decisions) {
        if (d.action === 'Warn')
          warnings.push(warningMessage(policy.name, binding.name, d.message));
        if (d.action !== 'Deny' || !verdict.allowed) continue;
        verdict.allowed = false;
        verdict.code = REASON_CODES[d.reason] ?? 422;
        verdict.message = denyMessage(policy.name, binding.name, d.message);
      }
    }
  }
  if (warnings.length > 0) verdict.warnings = warnings;
  return verdict;
}

// RFC 7234 warn-text as Go's net/http writes it: `299 - "text"` with `"` and `\` escaped.
function warningText(header: string): string {
  const match = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(header);
  return match?.[1] === undefined ? header : match[1].replace(/\\(.)/g, '$1');
}

/**
 * The server's verdict on a dry-run create; `error` when it answered something other than an
 * admission decision of a ValidatingAdmissionPolicy (a validation error, say).
 */
export function serverVerdict(res: KubeResponse): Verdict | { error: string } {
  const warnings = res.warnings.map(warningText);
  const verdict: Verdict = { allowed: res.status === 201 };
  if (!verdict.allowed) {
    const message = statusMessage(res);
    // `pods "x" is forbidden: ValidatingAdmissionPolicy '…' with binding '…' denied request: …`
    const at = message.indexOf("ValidatingAdmissionPolicy '");
    if (at === -1) return { error: `HTTP ${String(res.status)}: ${message}` };
    verdict.code = res.status;
    verdict.message = message.slice(at);
  }
  if (warnings.length > 0) verdict.warnings = warnings;
  return verdict;
}

/** A verdict with this run's suffix taken out of policy and binding names, to compare with expected.yaml. */
export function withoutSuffix(verdict: Verdict, suffix: string): Verdict {
  const strip = (text: string) => text.replaceAll(`-${suffix}'`, "'");
  const out: Verdict = { allowed: verdict.allowed };
  if (verdict.message !== undefined) out.message = strip(verdict.message);
  if (verdict.warnings !== undefined) out.warnings = verdict.warnings.map(strip);
  return out;
}
