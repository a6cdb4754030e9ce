// ValidatingAdmissionPolicy differential: every fixture of test/fixtures/vap, and the edge cases of
// helpers/vap-edge-cases.yaml, installed in the real API server (renamed for this run, bound only
// to this test's namespaces); every case created with server-side dry-run; the server's verdict,
// status code, Forbidden message and warnings compared with our engine's for the same request
// (CREATE, the namespace as the server has it, the admin user). Policies the server refuses to
// create must be refused by our checks too. Disagreements fail unless argued below.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Discovery } from './helpers/discovery.ts';
import { createNamespace, uniqueName } from './helpers/objects.ts';
import { mapLimit } from './helpers/pool.ts';
import { edgeFixture } from './helpers/vap-edge.ts';
import { fixtureNames, readFixture, withoutSuffix } from './helpers/vap-fixtures.ts';
import type { Fixture, Verdict } from './helpers/vap-fixtures.ts';
import { compareFixture } from './helpers/vap-oracle.ts';
import type { Comparison } from './helpers/vap-oracle.ts';
import { kubeRequest } from './kube-request.ts';

const cluster = inject('kubeCluster');
const suffix = randomBytes(3).toString('hex');
const LABEL = `e2e.kubeward.io/vap-${suffix}`;
/** The token user of the test cluster (test/e2e/cluster.ts writes it to the token file). */
const ADMIN = {
  username: 'kubeward-admin',
  uid: 'kubeward-admin',
  groups: ['system:masters', 'system:authenticated'],
};

const TYPE_CHECKING =
  'The API server type-checks every expression against the Kubernetes CEL declarations and the ' +
  'OpenAPI schema of the matched kinds when the policy is created, and refuses it; Kubeward has no ' +
  'such checker (docs/policies.md, "Missing") and reports the problem when the expression runs, ' +
  'as a failed validation. Which of the two happens for a bad policy differs; a good one agrees.';

/** Disagreements that are not bugs, by comparison id, each with why it cannot agree. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'edge-cases/defaulted-fields':
    'The server evaluates the Pod after defaulting and mutating admission (imagePullPolicy, ' +
    'restartPolicy, serviceAccountName are filled in); an offline scan evaluates the manifest as ' +
    'written, since it cannot know the defaults of every kind and version. The webhook sees what ' +
    'the server sees: its AdmissionReview carries the defaulted object.',
  'edge-cases/timestamp-with-zone':
    'cel-js timestamps are JavaScript Dates: millisecond precision, no zone. cel-go keeps the ' +
    "input's offset and nanoseconds, so string(timestamp(...)) differs when the input has either " +
    '(documented in docs/policies.md). UTC timestamps to the millisecond agree.',
  [`edge-cases/edge-non-bool-validation-${suffix} (refused)`]: TYPE_CHECKING,
  [`edge-cases/edge-undeclared-variable-${suffix} (refused)`]: TYPE_CHECKING,
  [`edge-cases/edge-audit-annotation-type-${suffix} (refused)`]: TYPE_CHECKING,
};
const excepted = (id: string) => EXCEPTIONS[id] !== undefined;

describe.skipIf(!cluster)('ValidatingAdmissionPolicy agreement with a real API server', () => {
  const c = cluster ?? ({} as NonNullable<typeof cluster>);
  const discovery = new Discovery(c);
  const fixtures: Fixture[] = [];
  const results: Comparison[] = [];
  const labelled = new Set<string>();

  async function run(fixture: Fixture, labels: Record<string, string>): Promise<Comparison[]> {
    fixtures.push(fixture);
    const [own, ...others] = fixture.namespaces;
    await createNamespace(c, own ?? '', labels);
    for (const other of others) {
      // A namespace a case names (kube-system): it exists; label it for this fixture's binding.
      labelled.add(other);
      const body = { metadata: { labels: { [LABEL]: fixture.name } } };
      await kubeRequest(c, { method: 'PATCH', path: `/api/v1/namespaces/${other}`, body });
    }
    return compareFixture(c, discovery, fixture, ADMIN, excepted);
  }

  beforeAll(async () => {
    const edge = run(edgeFixture({ suffix, namespace: uniqueName('vap-edge'), label: LABEL }), {
      [LABEL]: 'edge-cases',
      tier: 'gold',
    });
    const files = mapLimit(fixtureNames(), 4, async (name) => {
      const namespace = uniqueName(`vap-${name}`.slice(0, 40));
      return run(await readFixture(name, { suffix, namespace, label: LABEL }), { [LABEL]: name });
    });
    for (const list of [await edge, ...(await files)]) results.push(...list);
  });

  afterAll(async () => {
    for (const fixture of fixtures) {
      for (const o of fixture.install.filter((x) => x.kind.startsWith('ValidatingAdmission'))) {
        const plural = o.kind === 'ValidatingAdmissionPolicy' ? 'policies' : 'policybindings';
        const path = `/apis/admissionregistration.k8s.io/v1/validatingadmission${plural}/${o.metadata?.name ?? ''}`;
        await kubeRequest(c, { method: 'DELETE', path });
      }
    }
    for (const name of labelled) {
      const body = { metadata: { labels: { [LABEL]: null } } };
      await kubeRequest(c, { method: 'PATCH', path: `/api/v1/namespaces/${name}`, body });
    }
  });

  it('gives the same verdict, status, message and warnings as the API server', () => {
    const agree = results.filter((r) => isDeepStrictEqual(r.server, r.ours));
    const rest = results.filter((r) => !agree.includes(r));
    const count = (group: string) => {
      const all = results.filter((r) => r.id.startsWith('edge-cases/') === (group === 'edge'));
      return `${String(all.filter((r) => agree.includes(r)).length)}/${String(all.length)}`;
    };
    console.log(
      `VAP agreement with kube-apiserver ${c.version}: ${String(agree.length)}/${String(results.length)} ` +
        `(fixtures ${count('fixtures')}, edge cases ${count('edge')}); ` +
        `${String(rest.filter((r) => excepted(r.id)).length)} argued exceptions`,
    );
    if (process.env.VAP_DEBUG === '1') console.log(JSON.stringify(results, null, 1));
    expect(results.filter((r) => !r.id.startsWith('edge-cases/')).length).toBe(33);
    expect(
      rest.filter((r) => !excepted(r.id)).map(({ id, server, ours }) => ({ id, server, ours })),
      'disagreements',
    ).toEqual([]);
    // An exception that no longer disagrees should be removed from the list.
    expect(Object.keys(EXCEPTIONS).filter((id) => !rest.some((r) => r.id === id))).toEqual([]);
  });

  it('proves every fixture expectation (expected.yaml) right', () => {
    const wrong = results
      .filter((r) => r.expected !== undefined && !('error' in r.server) && !('refused' in r.server))
      .map((r) => ({
        id: r.id,
        server: withoutSuffix(r.server as Verdict, suffix),
        expected: r.expected,
      }))
      .filter((r) => !isDeepStrictEqual(r.server, r.expected));
    expect(wrong).toEqual([]);
  });
});
