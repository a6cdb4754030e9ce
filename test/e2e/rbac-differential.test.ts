// RBAC differential: our authorizer (src/rbac) against the API server's, through
// SubjectAccessReviews. Corpus RBAC sets and generated corner cases are created in the server
// under names of their own; our engine gets the same objects plus the default policy it ships
// (`--include-bootstrap`), and both answer thousands of generated questions.
//
// The one known difference is ClusterRole aggregation: no controller manager runs here, so an
// aggregated ClusterRole (admin, edit, view, and any with an aggregationRule) keeps the rules
// it was created with (none). The comparison therefore gives our engine the server's state as
// stored (aggregationRule removed, so the written rules are the effective ones); the questions
// whose answer aggregation would change in a real cluster are counted and listed separately.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capturedIo } from '../../src/cli/__fixtures__/captured-io.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../../src/input/index.ts';
import type { ScanObject } from '../../src/model/kube-object.ts';
import { refOf } from '../../src/model/kube-object.ts';
import type { AccessAttributes, RbacIndex } from '../../src/rbac/index.ts';
import {
  authorize,
  bootstrapObjects,
  buildRbacIndex,
  parseRequestArgs,
  serviceAccountUser,
  userGroups,
} from '../../src/rbac/index.ts';
import { kubeRequest } from './kube-request.ts';
import type { KubeEndpoint } from './kube-request.ts';
import { createNamespace, expectStatus } from './helpers/objects.ts';
import type { WireObject } from './helpers/objects.ts';
import { mapLimit } from './helpers/pool.ts';
import {
  RBAC_UNITS,
  TEST_LABEL,
  namespacesOf,
  renamer,
  rewriteRbacSet,
  trickyObjects,
} from './helpers/rbac-objects.ts';
import { Rng, generateQuestions, principalsOf } from './helpers/rbac-questions.ts';
import type { Principal, Vocabulary } from './helpers/rbac-questions.ts';
import {
  createRbacObjects,
  listRbacObjects,
  review,
  serviceAccountToken,
} from './helpers/rbac-server.ts';

const cluster = inject('kubeCluster');
const REAL_CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const QUESTIONS = 5000;
const SEED = Number(process.env.KUBEWARD_E2E_SEED ?? 20_370_002);
const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

interface Setup {
  prefix: string;
  ns: { a: string; b: string };
  /** Ours as created (refused ones left out), other tests' objects as listed. */
  mine: WireObject[];
  foreign: WireObject[];
  /** The server's default policy, as listed. */
  serverDefaults: WireObject[];
  refused: string[];
  /** Our engine over the server's state as stored: no aggregation happened. */
  asStored: RbacIndex;
  /** Our engine as in a real cluster, aggregation done. */
  aggregated: RbacIndex;
}

function scanObjects(objects: readonly WireObject[]): ScanObject[] {
  return objects.map((object, seq) => ({
    object,
    ref: refOf(object),
    origin: { source: 'cluster' },
    seq,
  }));
}

/** A ClusterRole as this server holds it: its aggregationRule never ran, its rules are final. */
function withoutAggregation(object: WireObject): WireObject {
  if (object.kind !== 'ClusterRole' || object.aggregationRule === undefined) return object;
  const copy: WireObject = { ...object, rules: Array.isArray(object.rules) ? object.rules : [] };
  delete copy.aggregationRule;
  return copy;
}

async function prepare(endpoint: KubeEndpoint): Promise<Setup> {
  const prefix = `kwr${randomBytes(3).toString('hex')}`;
  const ns = { a: `${prefix}-a`, b: `${prefix}-b` };
  const mine: WireObject[] = trickyObjects(prefix, prefix, ns);
  for (const unit of RBAC_UNITS) {
    const loaded = await loadSources(
      unit.paths.map((p) => join(REAL_CORPUS, p)),
      { ...DEFAULT_LOAD_OPTIONS, cwd: REAL_CORPUS },
    );
    const objects = loaded.objects.map((item) => item.object);
    mine.push(...rewriteRbacSet(objects, renamer(`${prefix}-${unit.name}`), prefix));
  }
  const namespaces = new Set([ns.a, ns.b, ...namespacesOf(mine)]);
  await mapLimit([...namespaces], 4, (name) =>
    createNamespace(endpoint, name, {}, name === ns.a || name === ns.b ? ['robot'] : []),
  );
  const refusedObjects = await createRbacObjects(endpoint, mine);
  const refusedSet = new Set(refusedObjects.map((r) => r.object));
  const created = mine.filter((o) => !refusedSet.has(o));

  const listed = await listRbacObjects(endpoint);
  const isMine = (o: WireObject) => o.metadata?.labels?.[TEST_LABEL] !== undefined;
  const serverDefaults = listed.filter(
    (o) => !isMine(o) && o.metadata?.labels?.[BOOTSTRAP_LABEL] === 'rbac-defaults',
  );
  // Other tests share the server; whatever RBAC they created is part of what the server decides on.
  const foreign = listed.filter((o) => !isMine(o) && !serverDefaults.includes(o));

  const defaults = bootstrapObjects();
  const storedDefaults = defaults
    .filter((o) => o.aggregationRule !== undefined)
    .map(withoutAggregation);
  return {
    prefix,
    ns,
    mine: created,
    foreign,
    serverDefaults,
    refused: refusedObjects.map(
      (r) =>
        `${r.object.kind} ${r.object.metadata?.namespace ?? ''}/${r.object.metadata?.name ?? ''}: ${r.message}`,
    ),
    asStored: buildRbacIndex(
      scanObjects([...created, ...foreign, ...storedDefaults].map(withoutAggregation)),
      'all',
    ),
    aggregated: buildRbacIndex(scanObjects([...created, ...foreign]), 'all'),
  };
}

/**
 * The errors of an RBAC denial reason, sorted: the server lists bindings in no fixed order. The
 * server's union authorizer prefixes each authorizer's reason with its name (`rbac: RBAC: …`,
 * k8s.io/apiserver/pkg/authorization/union); our engine words the RBAC authorizer's own reason.
 */
function reasonErrors(reason: string): string[] {
  const own = reason.startsWith('rbac: ') ? reason.slice('rbac: '.length) : reason;
  if (!own.startsWith('RBAC: ')) return own === '' ? [] : [own];
  const body = own.slice('RBAC: '.length);
  const list = body.startsWith('[') && body.endsWith(']') ? body.slice(1, -1).split(', ') : [body];
  return list.sort();
}

function describeQuestion(q: AccessAttributes): string {
  const who = `${q.user} [${q.groups.join(',')}]`;
  if (q.path !== undefined) return `${who} ${q.verb} ${q.path}`;
  const group = q.apiGroup === '' ? '' : `.${q.apiGroup ?? ''}`;
  const sub = q.subresource === '' ? '' : `/${q.subresource ?? ''}`;
  const name = q.name === '' ? '' : ` ${q.name ?? ''}`;
  const where = q.namespace === '' ? 'cluster-wide' : `in ${q.namespace ?? ''}`;
  return `${who} ${q.verb} ${q.resource ?? ''}${group}${sub}${name} ${where}`;
}

function normalizeRules(value: unknown): unknown {
  const rules = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  return rules.map((r) => ({
    verbs: r.verbs ?? [],
    apiGroups: r.apiGroups ?? [],
    resources: r.resources ?? [],
    resourceNames: r.resourceNames ?? [],
    nonResourceURLs: r.nonResourceURLs ?? [],
  }));
}

function policyEntry(o: WireObject): [string, string] {
  const id = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
  const subjects = Array.isArray(o.subjects)
    ? (o.subjects as Record<string, unknown>[]).map((s) => ({
        kind: s.kind,
        name: s.name,
        namespace: s.namespace ?? '',
      }))
    : [];
  const roleRef = o.roleRef as { kind?: string; name?: string } | undefined;
  return [
    id,
    JSON.stringify({
      rules: o.kind.endsWith('Binding') ? undefined : normalizeRules(o.rules),
      aggregationRule: o.aggregationRule ?? null,
      roleRef: roleRef === undefined ? null : { kind: roleRef.kind, name: roleRef.name },
      subjects: o.kind.endsWith('Binding') ? subjects : undefined,
    }),
  ];
}

describe.skipIf(!cluster)('RBAC: our authorizer against the API server', () => {
  let setup: Setup;
  let principals: Principal[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'kubeward-rbac-e2e-'));

  beforeAll(async () => {
    if (!cluster) return;
    const started = Date.now();
    setup = await prepare(cluster);
    console.log(
      `RBAC differential: created ${String(setup.mine.length)} RBAC objects (prefix ${setup.prefix}) in ` +
        `${String(Date.now() - started)} ms; ${String(setup.foreign.length)} other non-default RBAC objects on the server`,
    );
    for (const line of setup.refused)
      console.log(`  refused by the server (left out of both sides): ${line}`);
    const { prefix } = setup;
    principals = [
      ...principalsOf(setup.mine, prefix),
      ...principalsOf(bootstrapObjects(), prefix),
      { user: `${prefix}:nobody`, groups: userGroups(`${prefix}:nobody`) },
      { user: 'system:anonymous', groups: userGroups('system:anonymous') },
      { user: `${prefix}:groupless`, groups: [] },
      { user: `${prefix}:root`, groups: ['system:masters'] },
      {
        user: serviceAccountUser(setup.ns.a, 'robot'),
        groups: userGroups(serviceAccountUser(setup.ns.a, 'robot')),
      },
      {
        user: serviceAccountUser(setup.ns.b, 'robot'),
        groups: userGroups(serviceAccountUser(setup.ns.b, 'robot')),
      },
      {
        user: serviceAccountUser(setup.ns.b, 'other'),
        groups: userGroups(serviceAccountUser(setup.ns.b, 'other')),
      },
    ];
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the server holds the default policy our engine ships (--include-bootstrap)', () => {
    const ours = new Map(bootstrapObjects().map(policyEntry));
    const theirs = new Map(setup.serverDefaults.map(policyEntry));
    const missing = [...ours.keys()].filter((k) => !theirs.has(k));
    const extra = [...theirs.keys()].filter((k) => !ours.has(k));
    const different = [...ours.keys()].filter(
      (k) => theirs.has(k) && theirs.get(k) !== ours.get(k),
    );
    console.log(
      `RBAC default policy: ${String(ours.size - missing.length - different.length)}/${String(ours.size)} shipped objects equal the server's`,
    );
    expect({ missing, extra, different }).toEqual({ missing: [], extra: [], different: [] });
  });

  it(`answers ${String(QUESTIONS)} SubjectAccessReviews as the server does`, async () => {
    if (!cluster) return;
    const endpoint = cluster;
    const { prefix, ns } = setup;
    const vocabulary: Vocabulary = {
      verbs: [
        'get',
        'list',
        'watch',
        'create',
        'update',
        'patch',
        'delete',
        'deletecollection',
        'escalate',
        'bind',
        'impersonate',
        'use',
        'approve',
        'proxy',
        'post',
        'put',
        'head',
      ],
      resources: [
        'pods',
        'secrets',
        'configmaps',
        'deployments',
        'nodes',
        'namespaces',
        'serviceaccounts',
        'roles',
        'clusterroles',
        'widgets',
        'gadgets',
        'events',
        'leases',
        'Pods',
      ],
      subresources: ['status', 'scale', 'log', 'exec', 'token', 'proxy', 'finalizers'],
      groups: [
        '',
        'apps',
        'batch',
        'rbac.authorization.k8s.io',
        'coordination.k8s.io',
        `${prefix}.kubeward.test`,
        'monitoring.coreos.com',
        'argoproj.io',
      ],
      namespaces: ['', ns.a, ns.b, 'kube-system', 'default', ...namespacesOf(setup.mine)],
      paths: [
        '/',
        '/healthz',
        '/healthz/etcd',
        '/livez',
        '/readyz',
        '/version',
        '/api',
        '/apis',
        '/apis/apps',
        '/metrics',
        `/${prefix}`,
        `/${prefix}/x`,
        `/${prefix}-exact`,
        `/${prefix}-star`,
        '/openapi/v3',
      ],
      names: ['alpha', 'beta', 'gamma', 'tls', 'kube-root-ca.crt', 'argocd-secret', 'x'],
    };
    const rng = new Rng(SEED);
    const everything = [...setup.mine, ...setup.foreign, ...bootstrapObjects()];
    const questions = generateQuestions(everything, principals, vocabulary, rng, QUESTIONS);
    const started = Date.now();
    const answers = await mapLimit(questions, 8, (q) => review(endpoint, q));
    const elapsed = Date.now() - started;

    const disagreements: string[] = [];
    const reasonDifferences: string[] = [];
    const aggregationDependent: string[] = [];
    let agree = 0;
    let allowed = 0;
    questions.forEach((q, i) => {
      const server = answers[i] ?? { allowed: false, reason: '' };
      const ours = authorize(setup.asStored, q);
      const real = authorize(setup.aggregated, q);
      if (real.allowed !== ours.allowed)
        aggregationDependent.push(
          `${describeQuestion(q)}: here ${String(ours.allowed)}, aggregated ${String(real.allowed)}`,
        );
      if (server.allowed !== ours.allowed) {
        disagreements.push(
          `${describeQuestion(q)}: server ${String(server.allowed)} (${server.reason}), ours ${String(ours.allowed)} (${ours.message})`,
        );
        return;
      }
      agree++;
      if (server.allowed) {
        allowed++;
        return;
      }
      const theirs = reasonErrors(server.reason);
      const mine = reasonErrors(ours.message);
      if (JSON.stringify(theirs) === JSON.stringify(mine)) return;
      const line = `${describeQuestion(q)}:\n  server: ${server.reason}\n  ours:   ${ours.message}`;
      reasonDifferences.push(line);
    });
    console.log(
      `RBAC differential: ${String(agree)}/${String(questions.length)} SubjectAccessReviews agree ` +
        `(${String(allowed)} allowed, ${String(questions.length - allowed)} denied; seed ${String(SEED)}; ` +
        `${String(principals.length)} principals; ${String(elapsed)} ms)`,
    );
    console.log(
      `  ${String(aggregationDependent.length)} questions would be answered differently in a cluster running ` +
        'the ClusterRole aggregation controller (not running here):',
    );
    for (const line of aggregationDependent.slice(0, 20)) console.log(`    ${line}`);
    for (const line of disagreements) console.log(`  DISAGREEMENT ${line}`);
    for (const line of reasonDifferences) console.log(`  DENIAL REASON DIFFERS ${line}`);
    const after = await listRbacObjects(endpoint);
    const foreignAfter = after.filter(
      (o) =>
        o.metadata?.labels?.[TEST_LABEL] === undefined &&
        o.metadata?.labels?.[BOOTSTRAP_LABEL] !== 'rbac-defaults',
    );
    if (foreignAfter.length !== setup.foreign.length)
      console.log(
        `  note: other tests changed RBAC objects during the run (${String(setup.foreign.length)} → ${String(foreignAfter.length)})`,
      );
    expect(questions.length).toBeGreaterThanOrEqual(2000);
    expect(disagreements).toEqual([]);
    expect(reasonDifferences).toEqual([]);
    expect(aggregationDependent.length).toBeGreaterThan(0);
  });

  it('answers the hand-written corner cases as upstream documents them', async () => {
    if (!cluster) return;
    const endpoint = cluster;
    const { prefix, ns } = setup;
    const group = `${prefix}.kubeward.test`;
    const u = (name: string) => ({
      user: `${prefix}:${name}`,
      groups: userGroups(`${prefix}:${name}`),
    });
    const sa = (namespace: string, name: string) => {
      const user = serviceAccountUser(namespace, name);
      return { user, groups: userGroups(user) };
    };
    const res = (verb: string, resource: string, rest: Partial<AccessAttributes> = {}) => ({
      verb,
      resource,
      apiGroup: '',
      subresource: '',
      namespace: '',
      name: '',
      ...rest,
    });
    const url = (verb: string, path: string) => ({ verb, path });
    // [who, request, expected answer, why]
    const cases: [Principal, Omit<AccessAttributes, 'user' | 'groups'>, boolean, string][] = [
      [
        u('scaler'),
        res('get', 'deployments', { apiGroup: 'apps', subresource: 'scale', namespace: ns.a }),
        true,
        '*/scale matches any resource',
      ],
      [u('scaler'), res('update', 'pods', { subresource: 'scale' }), true, '*/scale, cluster-wide'],
      [
        u('scaler'),
        res('get', 'deployments', { apiGroup: 'apps', namespace: ns.a }),
        false,
        '*/scale needs the subresource',
      ],
      [
        u('logs'),
        res('get', 'pods', { subresource: 'log', namespace: ns.a }),
        true,
        'exact pods/log',
      ],
      [
        u('logs'),
        res('get', 'pods', { subresource: 'exec', namespace: ns.a }),
        false,
        'pods/* is no wildcard',
      ],
      [u('logs'), res('get', 'pods', { namespace: ns.a }), false, 'pods/log does not grant pods'],
      [
        u('named'),
        res('get', 'configmaps', { name: 'alpha', namespace: ns.b }),
        true,
        'listed resourceName',
      ],
      [
        u('named'),
        res('get', 'configmaps', { name: 'gamma', namespace: ns.b }),
        false,
        'unlisted resourceName',
      ],
      [
        u('named'),
        res('list', 'configmaps', { namespace: ns.b }),
        true,
        'resourceNames lists "", which an unnamed list matches',
      ],
      [
        u('named'),
        res('update', 'deployments', { apiGroup: 'apps', subresource: 'scale', name: 'beta' }),
        true,
        'resourceNames with a subresource',
      ],
      [u('nobody'), url('get', `/${prefix}/x`), true, 'system:authenticated grant, trailing *'],
      [u('nobody'), url('get', `/${prefix}`), false, 'trailing /* does not match the bare prefix'],
      [u('nobody'), url('post', `/${prefix}-exact`), true, 'exact URL'],
      [u('nobody'), url('post', `/${prefix}-exact/`), false, 'exact URL, trailing slash'],
      [
        u('nobody'),
        url('get', `/${prefix}-starfish`),
        true,
        '* after a partial segment is a plain prefix',
      ],
      [u('header'), url('head', '/anything/at/all'), true, 'nonResourceURLs *'],
      [
        u('upper'),
        res('get', 'pods', { namespace: ns.a }),
        false,
        'verbs and resources are case-sensitive',
      ],
      [u('upper'), res('GET', 'Pods', { namespace: ns.a }), true, 'exact case matches'],
      [
        sa(ns.b, 'robot'),
        res('get', 'pods', { namespace: ns.a }),
        true,
        'ServiceAccount subject with namespace',
      ],
      [
        sa(ns.a, 'robot'),
        res('get', 'pods', { namespace: ns.a }),
        true,
        "ServiceAccount subject without namespace: the binding's",
      ],
      [
        sa(ns.b, 'robot'),
        res('get', 'pods', { namespace: ns.b }),
        false,
        'a RoleBinding grants only in its namespace',
      ],
      [
        sa(ns.b, 'other'),
        res('create', 'serviceaccounts', { subresource: 'token', namespace: ns.a }),
        true,
        'system:serviceaccounts:NS group',
      ],
      [
        sa(ns.a, 'robot'),
        res('delete', 'widgets', { apiGroup: group }),
        true,
        'system:serviceaccounts group, cluster-wide',
      ],
      [
        u('local'),
        res('patch', 'deployments', { apiGroup: 'apps', namespace: ns.a }),
        true,
        'RoleBinding to a Role',
      ],
      [
        u('local'),
        res('list', 'anything', { apiGroup: 'any.group', namespace: ns.b }),
        true,
        'Role with * in ns b',
      ],
      [
        u('local'),
        res('list', 'anything', { apiGroup: 'any.group' }),
        false,
        'RoleBindings never grant cluster-wide',
      ],
      [
        u('nsadmin'),
        res('delete', 'secrets', { namespace: ns.b }),
        true,
        'RoleBinding to cluster-admin',
      ],
      [
        u('nsadmin'),
        res('delete', 'secrets', { namespace: ns.a }),
        false,
        'RoleBinding to cluster-admin, other namespace',
      ],
      [u('nsadmin'), url('get', '/metrics'), false, 'RoleBindings never grant non-resource URLs'],
      [u('star'), res('escalate', 'secrets', { namespace: ns.a }), true, 'verbs *'],
      [
        { user: `${prefix}:root`, groups: ['system:masters'] },
        res('delete', 'nodes'),
        true,
        'system:masters',
      ],
      [
        { user: 'system:anonymous', groups: ['system:unauthenticated'] },
        res('get', 'widgets', { apiGroup: group }),
        true,
        'system:unauthenticated grant',
      ],
      [
        { user: `${prefix}:groupless`, groups: [] },
        url('get', '/healthz'),
        false,
        'no system:authenticated, no discovery',
      ],
      [u('nobody'), url('get', '/healthz'), true, 'default system:public-info-viewer'],
      [
        u('aggregated'),
        res('get', 'gadgets', { apiGroup: group }),
        false,
        'aggregation does not run here',
      ],
    ];
    const problems: string[] = [];
    for (const [who, request, expected, why] of cases) {
      const q = { ...who, ...request } as AccessAttributes;
      const server = (await review(endpoint, q)).allowed;
      const ours = authorize(setup.asStored, q).allowed;
      if (server !== expected || ours !== expected)
        problems.push(
          `${describeQuestion(q)} (${why}): expected ${String(expected)}, server ${String(server)}, ours ${String(ours)}`,
        );
    }
    // In a real cluster the aggregated role would hold its parts' rules.
    expect(
      authorize(setup.aggregated, {
        ...u('aggregated'),
        ...res('get', 'gadgets', { apiGroup: group }),
      }).allowed,
    ).toBe(true);
    console.log(
      `RBAC corner cases: ${String(cases.length - problems.length)}/${String(cases.length)} as expected by server and engine`,
    );
    expect(problems).toEqual([]);
  });

  it('gives service-account tokens the groups our engine assumes, and answers them the same', async () => {
    if (!cluster) return;
    const endpoint = cluster;
    const { ns, prefix } = setup;
    const results: string[] = [];
    let compared = 0;
    for (const [namespace, name] of [
      [ns.a, 'robot'],
      [ns.b, 'robot'],
      [ns.b, 'default'],
    ] as const) {
      const token = await serviceAccountToken(endpoint, namespace, name);
      const res = expectStatus(
        await kubeRequest(endpoint, {
          path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
          body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
          token,
        }),
        'SelfSubjectReview',
        201,
      );
      const info = (res.body as { status: { userInfo: { username: string; groups: string[] } } })
        .status.userInfo;
      const user = serviceAccountUser(namespace, name);
      expect(info.username).toBe(user);
      expect(info.groups).toEqual(userGroups(user));
      const rng = new Rng(SEED + compared);
      const questions = generateQuestions(
        [...setup.mine, ...bootstrapObjects()],
        [{ user, groups: info.groups }],
        {
          verbs: ['get', 'list', 'create', 'delete', 'post', 'patch'],
          resources: ['pods', 'secrets', 'widgets', 'gadgets', 'deployments'],
          subresources: ['exec', 'status', 'token'],
          groups: ['', 'apps', `${prefix}.kubeward.test`],
          namespaces: ['', ns.a, ns.b],
          paths: ['/healthz', `/${prefix}/x`, '/version', '/metrics'],
          names: ['tls', 'alpha'],
        },
        rng,
        60,
      );
      const answers = await mapLimit(questions, 8, (q) => review(endpoint, q, token));
      questions.forEach((q, i) => {
        compared++;
        const ours = authorize(setup.asStored, q).allowed;
        if (answers[i]?.allowed !== ours)
          results.push(
            `${describeQuestion(q)}: server ${String(answers[i]?.allowed)}, ours ${String(ours)}`,
          );
      });
    }
    console.log(
      `RBAC differential (real tokens, SelfSubjectAccessReview): ${String(compared - results.length)}/${String(compared)} agree`,
    );
    expect(results).toEqual([]);
  });

  it('kubeward rbac can-i --include-bootstrap answers as the server does', async () => {
    if (!cluster) return;
    const endpoint = cluster;
    // The CLI reads files: ours and other tests' objects as the server holds them.
    writeFileSync(
      join(scratch, 'rbac.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...setup.mine, ...setup.foreign] }),
    );
    const rng = new Rng(SEED ^ 0x5eed);
    const candidates = generateQuestions(
      [...setup.mine, ...bootstrapObjects()],
      principals.filter((p) => !p.groups.includes('system:masters')),
      {
        verbs: ['get', 'list', 'create', 'update', 'delete'],
        resources: ['pods', 'secrets', 'configmaps', 'widgets', 'deployments'],
        subresources: ['status', 'scale', 'log'],
        groups: ['', 'apps', `${setup.prefix}.kubeward.test`],
        namespaces: ['', setup.ns.a, setup.ns.b],
        paths: ['/healthz', `/${setup.prefix}/x`, '/version'],
        names: ['alpha', 'tls'],
      },
      rng,
      400,
    );
    const cases: { q: AccessAttributes; argv: string[] }[] = [];
    for (const q of candidates) {
      // The CLI aggregates ClusterRoles, as a real cluster would; this server does not.
      if (authorize(setup.aggregated, q).allowed !== authorize(setup.asStored, q).allowed) continue;
      const target =
        q.path ??
        `${q.resource ?? ''}${q.apiGroup === '' ? '' : `.${q.apiGroup ?? ''}`}${q.subresource === '' ? '' : `/${q.subresource ?? ''}`}`;
      const request = [q.verb, target, ...(q.name === undefined || q.name === '' ? [] : [q.name])];
      // Only requests the CLI reads back as the same attributes (it resolves short names).
      const parsed = parseRequestArgs(request);
      if (
        typeof parsed === 'string' ||
        parsed.resource !== q.resource ||
        parsed.apiGroup !== q.apiGroup
      ) {
        if (q.path === undefined) continue;
      }
      const extraGroups = q.groups.filter((g) => !userGroups(q.user).includes(g));
      if (JSON.stringify(userGroups(q.user, extraGroups)) !== JSON.stringify(q.groups)) continue;
      cases.push({
        q,
        argv: [
          'rbac',
          'can-i',
          ...request,
          '--as',
          q.user,
          ...extraGroups.flatMap((g) => ['--as-group', g]),
          ...(q.namespace === undefined || q.namespace === '' ? [] : ['-n', q.namespace]),
          '--include-bootstrap',
          '-f',
          scratch,
          '--format',
          'json',
        ],
      });
      if (cases.length >= 120) break;
    }
    const disagreements: string[] = [];
    for (const { q, argv } of cases) {
      const { io, out } = capturedIo(scratch);
      const code = await main(argv, io);
      const stderr = out.stderr;
      const server = await review(endpoint, q);
      if (code !== (server.allowed ? 0 : 1))
        disagreements.push(
          `kubeward ${argv.join(' ')}: exit ${String(code)} ${stderr}, server ${String(server.allowed)}`,
        );
    }
    console.log(
      `RBAC differential (kubeward rbac can-i CLI): ${String(cases.length - disagreements.length)}/${String(cases.length)} agree`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(disagreements).toEqual([]);
  });
});
