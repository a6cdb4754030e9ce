// Pod Security differential: the real PodSecurity admission plugin (server-side dry-run in
// namespaces that enforce a level and version) against our engine, on upstream's own fixtures
// and on every pod template of the real-project corpus. Allow/deny and the full Forbidden message
// must be equal; a server answer that is neither (a validation error, say) is an exception only
// when a rule below classifies it, with the argument why it cannot be compared.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../../src/input/index.ts';
import type { StatefulSetSpec } from 'kubernetes-types/apps/v1.js';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../src/model/kube-object.ts';
import { podSpecOf } from '../../src/model/pod-spec.ts';
import { Discovery } from './helpers/discovery.ts';
import { dnsName, runPssCases } from './helpers/pss-oracle.ts';
import type { EnforcedLevel, PssCase, PssComparison } from './helpers/pss-oracle.ts';

const cluster = inject('kubeCluster');

const PSS_CORPUS = fileURLToPath(new URL('../../../shared/corpus/pss/', import.meta.url));
const REAL_CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const LEVELS: readonly EnforcedLevel[] = ['baseline', 'restricted'];
/** Policy versions the real-project templates are admitted under. */
const REAL_VERSIONS = ['latest', 'v1.24'] as const;

/**
 * Server answers that are not a PodSecurity decision, each with why it is not a disagreement.
 * Anything else the server says fails the test.
 */
const EXCEPTIONS: readonly {
  name: string;
  group: 'fixtures' | 'real';
  status: number;
  pattern: RegExp;
  argument: string;
}[] = [
  {
    name: 'procMount Unmasked needs a user namespace',
    group: 'fixtures',
    status: 422,
    pattern: /securityContext\.procMount: Invalid value: "Unmasked": `hostUsers` must be false/,
    argument:
      'Since v1.35 the API server validates that procMount: Unmasked is only used with ' +
      'hostUsers: false, and validation runs before validating admission, so PodSecurity never ' +
      "sees these pods. Upstream's fixtures are evaluated by its unit tests without validation. " +
      'Setting hostUsers: false to get past validation would change what PodSecurity checks.',
  },
  {
    name: 'invalid manifest',
    group: 'real',
    status: 422,
    pattern:
      /is invalid: spec\.(template\.spec\.)?containers\[\d+\]\.(ports\[\d+\]\.protocol: Unsupported value: "tcp"|volumeMounts\[\d+\]\.name: Not found: "ca-certs")/,
    argument:
      'The manifest itself is invalid (a lower-case protocol "tcp"; a volumeMount of a volume ' +
      'the template does not define): the server rejects it in validation, before admission, ' +
      'as it would reject applying the file itself (workload templates are validated as pods).',
  },
  {
    name: 'invalid workload selector',
    group: 'real',
    status: 422,
    pattern:
      /is invalid: .*(spec\.selector: Required value|`selector` does not match template `labels`)/,
    argument:
      'The workload manifest is invalid as written: its selector is missing or does not match ' +
      'its template labels (a kustomize base that expects a patch, a ReplicationController ' +
      'whose template has no labels to default its selector from). Validation rejects it before ' +
      'admission, so PodSecurity never sees the template; wrapped in a Pod, the same template is ' +
      'compared in the previous test.',
  },
  {
    name: 'undecodable manifest',
    group: 'real',
    status: 400,
    pattern:
      /cannot be handled as a Pod: json: cannot unmarshal string into Go struct field FCVolumeSource\.spec\.volumes\.VolumeSource\.fc\.lun of type int32/,
    argument:
      'The manifest gives an integer field as a string: the server cannot decode it, so there ' +
      'is no pod to admit, exactly as kubectl apply of the file would fail.',
  },
];

function classify(c: PssComparison): string | undefined {
  if (c.server.verdict !== 'error') return undefined;
  const { status, message } = c.server;
  return EXCEPTIONS.find(
    (e) => e.group === c.case.group && e.status === status && e.pattern.test(message),
  )?.name;
}

interface Summary {
  agree: number;
  /** Agreeing cases the server denied (or warned about): their messages were compared too. */
  denied: number;
  disagreements: string[];
  exceptions: string[];
  unclassified: string[];
}

function summarize(label: string, results: readonly PssComparison[]): Summary {
  const summary: Summary = {
    agree: 0,
    denied: 0,
    disagreements: [],
    exceptions: [],
    unclassified: [],
  };
  for (const r of results) {
    const where = `${r.case.id} @ ${r.case.level}:${r.case.version}`;
    if (r.server.verdict === 'error') {
      const name = classify(r);
      const line = `${where}: HTTP ${String(r.server.status)} ${r.server.message}`;
      if (name === undefined) summary.unclassified.push(line);
      else summary.exceptions.push(`[${name}] ${line}`);
      continue;
    }
    const server = r.server.verdict === 'allowed' ? 'allowed' : r.server.message;
    const ours =
      r.ours.verdict === 'allowed' ? 'allowed' : r.ours.verdict === 'denied' ? r.ours.message : '?';
    if (server === ours) {
      summary.agree++;
      if (r.server.verdict === 'denied') summary.denied++;
    } else summary.disagreements.push(`${where}\n  server: ${server}\n  ours:   ${ours}`);
  }
  const comparable = results.length - summary.exceptions.length - summary.unclassified.length;
  console.log(
    `PSS differential (${label}): ${String(summary.agree)}/${String(comparable)} comparable cases agree, ` +
      `${String(summary.denied)} of them denials with the same message ` +
      `(${String(results.length)} cases, ${String(summary.exceptions.length)} exceptions)`,
  );
  for (const line of [...summary.exceptions, ...summary.unclassified])
    console.log(`  exception ${line}`);
  for (const line of summary.disagreements) console.log(`  DISAGREEMENT ${line}`);
  return summary;
}

function fixtureCases(): PssCase[] {
  const cases: PssCase[] = [];
  for (const level of LEVELS) {
    const versions = readdirSync(`${PSS_CORPUS}${level}`).filter((v) => /^v1\.\d+$/.test(v));
    const newest = versions.toSorted((a, b) => Number(b.slice(3)) - Number(a.slice(3)))[0];
    for (const dir of versions) {
      // The newest fixtures also run under `latest`, which the server resolves to its own version.
      const labels = dir === newest ? [dir, 'latest'] : [dir];
      for (const outcome of ['pass', 'fail']) {
        for (const file of readdirSync(`${PSS_CORPUS}${level}/${dir}/${outcome}`)) {
          const text = readFileSync(`${PSS_CORPUS}${level}/${dir}/${outcome}/${file}`, 'utf8');
          const pod = parse(text) as { metadata: ObjectMeta; spec: PodSpec };
          // Some fixture names have underscores, which a Pod name may not; the name is only
          // quoted in the message, so it is made valid rather than the case given up.
          const metadata = { ...pod.metadata, name: dnsName(pod.metadata.name ?? '') };
          const object = { apiVersion: 'v1', kind: 'Pod', metadata, spec: pod.spec };
          const id = `${level}/${dir}/${outcome}/${file}`;
          for (const version of labels)
            cases.push({ id, level, version, group: 'fixtures', object, metadata, spec: pod.spec });
        }
      }
    }
  }
  return cases;
}

/**
 * A StatefulSet's pods get a volume per volumeClaimTemplate (replacing a template volume of the
 * same name), as the StatefulSet controller's updateStorage adds them; without them a template's
 * volumeMounts would not validate as a Pod.
 */
function withClaimVolumes(object: KubeObject, spec: PodSpec): PodSpec {
  if (object.kind !== 'StatefulSet') return spec;
  const claims = (object.spec as StatefulSetSpec | undefined)?.volumeClaimTemplates ?? [];
  if (claims.length === 0) return spec;
  const set = object.metadata?.name ?? '';
  const claimed = claims.map((claim) => {
    const name = claim.metadata?.name ?? '';
    return { name, persistentVolumeClaim: { claimName: `${name}-${set}-0` } };
  });
  const names = new Set(claimed.map((v) => v.name));
  const kept = (spec.volumes ?? []).filter((v) => !names.has(v.name));
  return { ...spec, volumes: [...claimed, ...kept] };
}

interface RealCases {
  pods: PssCase[];
  workloads: PssCase[];
  serviceAccounts: Set<string>;
}

/**
 * Every pod template of the real corpus twice: wrapped in a Pod (denied by enforce), and as the
 * workload object itself (admitted with a warning about its template).
 */
async function realCases(): Promise<RealCases> {
  const loaded = await loadSources([REAL_CORPUS], { ...DEFAULT_LOAD_OPTIONS, cwd: REAL_CORPUS });
  const result: RealCases = { pods: [], workloads: [], serviceAccounts: new Set() };
  for (const item of loaded.objects) {
    const template = podSpecOf(item.object);
    if (template === undefined || item.origin.source !== 'file') continue;
    const { spec, metadata } = template;
    for (const sa of [spec.serviceAccountName, spec.serviceAccount])
      if (typeof sa === 'string' && sa !== '') result.serviceAccounts.add(sa);
    const id = `${item.origin.file}#${String(item.origin.documentIndex)} ${item.ref.kind}/${item.ref.name}`;
    const podMetadata: ObjectMeta = {
      name: dnsName(`${item.ref.kind}-${item.ref.name}`),
      ...(metadata.labels === undefined ? {} : { labels: metadata.labels }),
      ...(metadata.annotations === undefined ? {} : { annotations: metadata.annotations }),
    };
    const podSpec = withClaimVolumes(item.object, spec);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: podMetadata, spec: podSpec };
    // The workload as written, in the test's namespace (its pods are never created here).
    const ownMetadata = { ...item.object.metadata };
    delete ownMetadata.namespace;
    const workload = { ...item.object, metadata: ownMetadata };
    // batch/v1beta1 CronJob is no longer served (removed in v1.25); batch/v1 has the same schema.
    if (workload.apiVersion === 'batch/v1beta1') workload.apiVersion = 'batch/v1';
    for (const level of LEVELS) {
      for (const version of REAL_VERSIONS) {
        const base = { id, level, version, group: 'real' };
        result.pods.push({ ...base, object: pod, metadata: podMetadata, spec: podSpec });
        if (item.object.kind !== 'Pod')
          result.workloads.push({ ...base, object: workload, metadata, spec });
      }
    }
  }
  return result;
}

describe.skipIf(!cluster)(
  'Pod Security: our engine against the PodSecurity admission plugin',
  () => {
    let real: Promise<RealCases> | undefined;
    const discovery = cluster ? new Discovery(cluster) : undefined;

    it('decides every upstream fixture as the server does, with the same message', async () => {
      if (!cluster || !discovery) return;
      const started = Date.now();
      const results = await runPssCases(cluster, discovery, fixtureCases());
      const summary = summarize(`upstream fixtures, ${String(Date.now() - started)} ms`, results);
      expect(summary.unclassified).toEqual([]);
      expect(summary.disagreements).toEqual([]);
      expect(summary.agree).toBeGreaterThan(4000);
    });

    it('decides every pod template of the real-project corpus, wrapped in a Pod, as the server does', async () => {
      if (!cluster || !discovery) return;
      real ??= realCases();
      const { pods, serviceAccounts } = await real;
      const started = Date.now();
      const accounts = new Map([['real', serviceAccounts]]);
      const results = await runPssCases(cluster, discovery, pods, accounts);
      const summary = summarize(`real corpus as Pods, ${String(Date.now() - started)} ms`, results);
      expect(summary.unclassified).toEqual([]);
      expect(summary.disagreements).toEqual([]);
      expect(summary.agree).toBeGreaterThan(2000);
    });

    it('warns about every real workload template as the server does', async () => {
      if (!cluster || !discovery) return;
      real ??= realCases();
      const { workloads } = await real;
      const started = Date.now();
      const results = await runPssCases(cluster, discovery, workloads);
      const summary = summarize(`real workloads, ${String(Date.now() - started)} ms`, results);
      expect(summary.unclassified).toEqual([]);
      expect(summary.disagreements).toEqual([]);
      expect(summary.agree).toBeGreaterThan(1500);
    });
  },
);
