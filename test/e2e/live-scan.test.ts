// Live scan: corpus projects are created in the test API server, then `kubeward cluster scan`
// (reading them back through the API) and `kubeward scan` (reading the same objects from files)
// must report the same security findings on the same objects. The only differences allowed are
// those the API server's defaulting causes, each listed below with its reason.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capturedIo } from '../../src/cli/__fixtures__/captured-io.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../../src/input/index.ts';
import { bootstrapObjects } from '../../src/rbac/index.ts';
import { kubeRequest } from './kube-request.ts';
import { Discovery } from './helpers/discovery.ts';
import { createAll, rewriteProject } from './helpers/live-objects.ts';
import type { ProjectLoad } from './helpers/live-objects.ts';
import { createNamespace, expectStatus, statusMessage } from './helpers/objects.ts';
import type { WireObject } from './helpers/objects.ts';
import { mapLimit } from './helpers/pool.ts';
import { serviceAccountToken } from './helpers/rbac-server.ts';

const cluster = inject('kubeCluster');
const REAL_CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));

const PROJECTS: readonly { name: string; path: string }[] = [
  { name: 'goat', path: 'kubernetes-goat' },
  { name: 'shop', path: 'microservices-demo/release/kubernetes-manifests.yaml' },
  { name: 'bad', path: 'badpods' },
  { name: 'nginx', path: 'ingress-nginx/deploy/static/provider/cloud/deploy.yaml' },
];

/**
 * Objects that exercise the API server's defaulting on purpose: Pod-only defaulting (requests
 * from limits, hostPort from containerPort under hostNetwork), the AppArmor annotation copied
 * into the field at creation, the deprecated `serviceAccount` copied into `serviceAccountName`,
 * an image with no tag and no pull policy, and a Service with no type or protocol.
 */
const DEFAULTING_PROBES = `
apiVersion: v1
kind: Pod
metadata: { name: limits-only }
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      resources: { limits: { cpu: 500m, memory: 256Mi } }
---
apiVersion: v1
kind: Pod
metadata: { name: host-network }
spec:
  hostNetwork: true
  containers:
    - name: app
      image: registry.example/app:1.0
      ports: [{ containerPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: host-network }
spec:
  selector: { matchLabels: { app: host-network } }
  template:
    metadata: { labels: { app: host-network } }
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: registry.example/app:1.0
          ports: [{ containerPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata:
  name: apparmor-annotation
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  containers:
    - name: app
      image: registry.example/app
---
apiVersion: v1
kind: Pod
metadata: { name: deprecated-sa }
spec:
  serviceAccount: default
  containers:
    - name: app
      image: registry.example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000
---
apiVersion: v1
kind: Service
metadata: { name: plain }
spec:
  selector: { app: host-network }
  ports: [{ port: 80 }]
`;

/**
 * Findings that only one of the scans reports because the API server filled in a field the
 * manifest left out (or normalised one). Anything else that differs fails the test.
 */
const DEFAULTING: readonly {
  ruleId: string;
  side: 'file' | 'cluster';
  /** Matches the finding's path; absent: any path. */
  path?: RegExp;
  reason: string;
}[] = [
  {
    ruleId: 'container-apparmor-unconfined',
    side: 'file',
    path: /^metadata\.annotations\["container\.apparmor\.security\.beta\.kubernetes\.io\//,
    reason:
      "the API server copies a Pod's AppArmor annotation into the container's " +
      'securityContext.appArmorProfile at creation (PrepareForCreate); the file has only the annotation',
  },
  {
    ruleId: 'container-apparmor-unconfined',
    side: 'cluster',
    path: /\.securityContext\.appArmorProfile\.type$/,
    reason:
      'the stored Pod has the appArmorProfile field the API server copied from the annotation, ' +
      'and the rule reports the field in preference to the annotation',
  },
  {
    ruleId: 'pss-apparmor',
    side: 'cluster',
    path: /\.securityContext\.appArmorProfile\.type$/,
    reason:
      'the stored Pod has both the annotation and the field copied from it, and Pod Security ' +
      'checks both, as the PodSecurity plugin does',
  },
  {
    ruleId: 'pod-default-service-account',
    side: 'file',
    path: /^spec\.serviceAccount$/,
    reason: 'the API server copies the deprecated serviceAccount into serviceAccountName',
  },
  {
    ruleId: 'pod-default-service-account',
    side: 'cluster',
    path: /^spec\.serviceAccountName$/,
    reason: 'the API server copies the deprecated serviceAccount into serviceAccountName',
  },
];

interface JsonFinding {
  ruleId: string;
  object: { kind: string; namespace?: string; name: string };
  pathString: string;
}
interface JsonReport {
  findings: JsonFinding[];
  diagnostics: { code: string; level: string; message: string }[];
}

function fakeIo(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  const { io, out } = capturedIo(cwd);
  return { io, out: () => out.stdout, err: () => out.stderr };
}

/** Runs the CLI in-process; resolves with its exit code and standard output and error. */
async function kubeward(
  argv: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out, err } = fakeIo(cwd);
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}

function key(f: JsonFinding): string {
  const o = f.object;
  return `${f.ruleId} ${o.kind}/${o.namespace ?? ''}/${o.name} ${f.pathString}`;
}

describe.skipIf(!cluster)('kubeward cluster scan against a real API server', () => {
  const prefix = `kwl${randomBytes(3).toString('hex')}`;
  const scratch = mkdtempSync(join(tmpdir(), 'kubeward-live-e2e-'));
  const probes = mkdtempSync(join(tmpdir(), 'kubeward-live-probes-'));
  const loads: ProjectLoad[] = [];
  /** Objects as created: what the file scan reads. */
  const created: WireObject[] = [];

  beforeAll(async () => {
    if (!cluster) return;
    const discovery = new Discovery(cluster);
    const started = Date.now();
    writeFileSync(join(probes, 'probes.yaml'), DEFAULTING_PROBES);
    for (const project of [...PROJECTS, { name: 'probe', path: join(probes, 'probes.yaml') }]) {
      const loaded = await loadSources([resolve(REAL_CORPUS, project.path)], {
        ...DEFAULT_LOAD_OPTIONS,
        cwd: REAL_CORPUS,
      });
      const load = rewriteProject(
        loaded.objects.map((item) => item.object),
        `${prefix}-${project.name}`,
      );
      await createAll(cluster, discovery, load);
      loads.push(load);
      created.push(...load.objects);
      writeFileSync(
        join(scratch, `${project.name}.yaml`),
        load.objects.map((o) => stringify(o)).join('---\n'),
      );
    }
    console.log(
      `live scan: created ${String(created.length)} objects of ${String(PROJECTS.length)} projects and the defaulting probes in ` +
        `${String(Date.now() - started)} ms (prefix ${prefix})`,
    );
    for (const line of loads.flatMap((l) => l.skipped)) console.log(`  skipped ${line}`);
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(probes, { recursive: true, force: true });
  });

  it('finds what a file scan of the same objects finds, up to server-side defaulting', async () => {
    if (!cluster) return;
    const mine = new Set(
      created.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`),
    );
    const started = Date.now();
    const live = await kubeward(
      [
        'cluster',
        'scan',
        '--kubeconfig',
        cluster.kubeconfigPath,
        '--format',
        'json',
        '--include-secrets',
        '--fail-on',
        'none',
      ],
      scratch,
    );
    const liveMs = Date.now() - started;
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    const files = await kubeward(['scan', '.', '--format', 'json', '--fail-on', 'none'], scratch);
    expect(files.code).toBe(0);
    const liveReport = JSON.parse(live.stdout) as JsonReport;
    const fileReport = JSON.parse(files.stdout) as JsonReport;
    expect(liveReport.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);

    // The cluster holds more than our objects (defaults, other tests'): compare on ours.
    const ours = (f: JsonFinding) =>
      mine.has(`${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}`);
    const liveKeys = new Set(liveReport.findings.filter(ours).map(key));
    const fileKeys = new Set(fileReport.findings.map(key));
    const byKey = new Map([...liveReport.findings, ...fileReport.findings].map((f) => [key(f), f]));
    const common = [...liveKeys].filter((k) => fileKeys.has(k));
    const explained = new Map<string, number>();
    const unexplained: string[] = [];
    const differences: [string, 'file' | 'cluster'][] = [
      ...[...fileKeys].filter((k) => !liveKeys.has(k)).map((k) => [k, 'file'] as [string, 'file']),
      ...[...liveKeys]
        .filter((k) => !fileKeys.has(k))
        .map((k) => [k, 'cluster'] as [string, 'cluster']),
    ];
    for (const [k, side] of differences) {
      const f = byKey.get(k);
      const rule = DEFAULTING.find(
        (d) => d.ruleId === f?.ruleId && d.side === side && (d.path?.test(f.pathString) ?? true),
      );
      if (rule === undefined) unexplained.push(`only in the ${side} scan: ${k}`);
      else
        explained.set(
          `${rule.ruleId} (${side} only): ${rule.reason}`,
          (explained.get(`${rule.ruleId} (${side} only): ${rule.reason}`) ?? 0) + 1,
        );
    }
    // Same finding, other words: rules say "defaults to" for a field the manifest leaves out and
    // the server filled in. Informational only: findings are identified by rule, object and path.
    const fileMessages = new Map(
      fileReport.findings.map((f) => [key(f), (f as { message?: string }).message]),
    );
    const reworded = new Map<string, number>();
    for (const f of liveReport.findings.filter(ours)) {
      const other = fileMessages.get(key(f));
      if (other !== undefined && other !== (f as { message?: string }).message)
        reworded.set(f.ruleId, (reworded.get(f.ruleId) ?? 0) + 1);
    }
    console.log(
      `live scan: ${String(liveReport.findings.length - liveKeys.size)} findings on objects not ours ` +
        `(the cluster's own namespaces, other tests' objects) left out; messages differ for ` +
        [...reworded].map(([rule, n]) => `${rule} ×${String(n)}`).join(', '),
    );
    console.log(
      `live scan: ${String(common.length)} findings in both scans; ` +
        `${String(differences.length - unexplained.length)} explained by defaulting; ` +
        `${String(unexplained.length)} unexplained (cluster scan ${String(liveMs)} ms)`,
    );
    for (const [reason, count] of explained) console.log(`  ${String(count)} × ${reason}`);
    for (const line of unexplained) console.log(`  UNEXPLAINED ${line}`);
    // The cluster's default RBAC policy is not reported, as a file scan does not report the
    // defaults it adds (--include-bootstrap): nobody can act on such findings.
    const shipped = new Set(
      bootstrapObjects().map(
        (o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`,
      ),
    );
    const defaults = liveReport.findings.filter((f) =>
      shipped.has(`${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}`),
    );
    expect(defaults.map(key)).toEqual([]);
    expect(common.length).toBeGreaterThan(500);
    expect(unexplained).toEqual([]);
    // Every allow-list entry is still needed (the probes exercise each).
    const used = [...explained.keys()].map((k) => k.split(': ')[0]);
    expect(
      DEFAULTING.map((d) => `${d.ruleId} (${d.side} only)`).filter((k) => !used.includes(k)),
    ).toEqual([]);
  });

  /** A kubeconfig for the test server that authenticates with a bearer token. */
  function tokenKubeconfig(name: string, token: string): string {
    if (!cluster) throw new Error('no cluster');
    const path = join(scratch, `${name}.kubeconfig`);
    const ca = readFileSync(cluster.caCertPath).toString('base64');
    writeFileSync(
      path,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'e2e', cluster: { server: cluster.server, 'certificate-authority-data': ca } },
        ],
        users: [{ name, user: { token } }],
        contexts: [{ name, context: { cluster: 'e2e', user: name } }],
        'current-context': name,
      }),
      { mode: 0o600 },
    );
    return path;
  }

  it('reports what a restricted identity may not list as W_CLUSTER_FORBIDDEN and scans the rest', async () => {
    if (!cluster) return;
    const ns = await createNamespace(cluster, `${prefix}-scanner`, {}, ['scanner']);
    const rbac = '/apis/rbac.authorization.k8s.io/v1';
    const role = `${prefix}:partial-reader`;
    const rules = [
      {
        apiGroups: [''],
        resources: ['namespaces', 'pods', 'services', 'serviceaccounts', 'configmaps'],
        verbs: ['list'],
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
        verbs: ['list'],
      },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['list'] },
    ];
    const subjects = [{ kind: 'ServiceAccount', name: 'scanner', namespace: ns }];
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role };
    for (const [path, body] of [
      [
        `${rbac}/clusterroles`,
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: role },
          rules,
        },
      ],
      [
        `${rbac}/clusterrolebindings`,
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: role },
          roleRef,
          subjects,
        },
      ],
      // In one namespace it may also list NetworkPolicies: namespaced scans see them there.
      [
        `${rbac}/namespaces/${ns}/roles`,
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: 'netpol' },
          rules: [
            { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['list'] },
          ],
        },
      ],
      [
        `${rbac}/namespaces/${ns}/rolebindings`,
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'netpol' },
          roleRef: { ...roleRef, kind: 'Role', name: 'netpol' },
          subjects,
        },
      ],
    ] as const)
      expectStatus(await kubeRequest(cluster, { path, body }), `create ${path}`, 201);
    const kubeconfig = tokenKubeconfig(
      'scanner',
      await serviceAccountToken(cluster, ns, 'scanner'),
    );

    const forbiddenKinds = [
      'ClusterRole',
      'ClusterRoleBinding',
      'ReplicationController',
      'NetworkPolicy',
      'Ingress',
      'PodDisruptionBudget',
      'Role',
      'RoleBinding',
      'Secret',
    ];
    const all = await kubeward(
      [
        'cluster',
        'scan',
        '--kubeconfig',
        kubeconfig,
        '--format',
        'json',
        '--include-secrets',
        '--fail-on',
        'none',
      ],
      scratch,
    );
    expect(all.code).toBe(0);
    const report = JSON.parse(all.stdout) as JsonReport;
    const forbidden = report.diagnostics.filter((d) => d.code === 'W_CLUSTER_FORBIDDEN');
    console.log(
      `restricted identity, all namespaces: ${String(report.findings.length)} findings; diagnostics:`,
    );
    for (const d of report.diagnostics) console.log(`  ${d.code} ${d.level}: ${d.message}`);
    expect(forbidden.map((d) => /^cannot list (\w+) /.exec(d.message)?.[1]).sort()).toEqual(
      [...forbiddenKinds].sort(),
    );
    expect(report.diagnostics.filter((d) => d.code !== 'W_CLUSTER_FORBIDDEN')).toEqual([]);
    // What it may list is still scanned: the privileged badpods are reported.
    const bad = report.findings.filter((f) => f.object.namespace === `${prefix}-bad-default`);
    expect(bad.some((f) => f.ruleId === 'container-privileged' && f.object.kind === 'Pod')).toBe(
      true,
    );
    expect(report.findings.some((f) => f.object.kind === 'ReplicationController')).toBe(false);

    // One namespace: cluster-scoped kinds are skipped, the namespace's NetworkPolicies readable.
    const one = await kubeward(
      [
        'cluster',
        'scan',
        '--kubeconfig',
        kubeconfig,
        '-n',
        ns,
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      scratch,
    );
    expect(one.code).toBe(0);
    const oneReport = JSON.parse(one.stdout) as JsonReport;
    const oneForbidden = oneReport.diagnostics
      .filter((d) => d.code === 'W_CLUSTER_FORBIDDEN')
      .map((d) => /^cannot list (\w+) /.exec(d.message)?.[1]);
    console.log(
      `restricted identity, namespace ${ns}: ${oneReport.diagnostics.map((d) => d.message).join('; ')}`,
    );
    expect(oneForbidden.sort()).toEqual([
      'Ingress',
      'PodDisruptionBudget',
      'ReplicationController',
      'Role',
      'RoleBinding',
    ]);
  });

  it('kubeward cluster pss names the workloads restricted would reject, as the server does', async () => {
    if (!cluster) return;
    const endpoint = cluster;
    const res = await kubeward(
      ['cluster', 'pss', '--kubeconfig', cluster.kubeconfigPath, '--format', 'json'],
      scratch,
    );
    expect(res.code).toBe(0);
    const rows = (
      JSON.parse(res.stdout) as {
        namespaces: {
          namespace: string;
          workloads: number;
          wouldReject: { object: string; message: string }[];
        }[];
      }
    ).namespaces;
    const ourNamespaces = new Set(loads.flatMap((l) => [...l.namespaces.values()]));
    const ours = rows.filter((r) => ourNamespaces.has(r.namespace));
    expect(ours.map((r) => r.namespace).sort()).toEqual([...ourNamespaces].sort());
    const claimed = new Map(
      ours.flatMap((r) => r.wouldReject.map((w) => [w.object, w.message] as const)),
    );

    // The oracle: each workload created with dry-run in a namespace enforcing restricted:latest.
    const workloads = created.filter((o) =>
      [
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'ReplicationController',
        'Job',
        'CronJob',
      ].includes(o.kind),
    );
    const accounts = new Set(
      created.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata?.name ?? ''),
    );
    const oracleNs = await createNamespace(
      endpoint,
      `${prefix}-oracle`,
      { 'pod-security.kubernetes.io/enforce': 'restricted' },
      accounts,
    );
    const discovery = new Discovery(endpoint);
    const verdicts = await mapLimit(workloads, 8, async (o) => {
      const path = await discovery.collectionPath(o, oracleNs);
      const r = await kubeRequest(endpoint, {
        path: path ?? '',
        query: { dryRun: 'All' },
        body: { ...o, metadata: { ...o.metadata, namespace: oracleNs } },
      });
      const id = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
      if (r.status === 403) {
        const denial = /violates (PodSecurity .*)$/s.exec(statusMessage(r))?.[1];
        return [
          id,
          denial === undefined ? `HTTP 403 ${statusMessage(r)}` : `would violate ${denial}`,
        ] as const;
      }
      if (r.status !== 201) return [id, `HTTP ${String(r.status)} ${statusMessage(r)}`] as const;
      const warning = r.warnings
        .map((w) => /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(w)?.[1]?.replace(/\\(.)/g, '$1') ?? w)
        .find((w) => w.startsWith('would violate PodSecurity'));
      return [id, warning] as const;
    });
    const problems: string[] = [];
    for (const [id, server] of verdicts) {
      const ourMessage = claimed.get(id);
      if (server !== ourMessage)
        problems.push(
          `${id}:\n  server: ${server ?? 'allowed'}\n  ours:   ${ourMessage ?? 'allowed'}`,
        );
    }
    const rejected = verdicts.filter(([, v]) => v !== undefined).length;
    console.log(
      `cluster pss: ${String(verdicts.length - problems.length)}/${String(verdicts.length)} workloads judged as the server judges them ` +
        `(${String(rejected)} rejected by restricted:latest)`,
    );
    for (const p of problems) console.log(`  DISAGREEMENT ${p}`);
    expect(problems).toEqual([]);
  });
});
