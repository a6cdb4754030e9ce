// ValidatingAdmissionPolicy differential: every fixture of test/fixtures/vap installed in the real
// API server (renamed for this run, bound only to this test's namespaces), every case created with
// server-side dry-run, and the server's verdict, status code, Forbidden message and warnings
// compared with our engine's for the same request (CREATE, the namespace as the server has it, the
// admin user). Disagreements fail unless listed below with the argument why they cannot agree.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KubeObject } from '../../src/model/kube-object.ts';
import { Discovery } from './helpers/discovery.ts';
import { createNamespace, expectStatus, uniqueName } from './helpers/objects.ts';
import { mapLimit } from './helpers/pool.ts';
import {
  engineVerdict,
  fixtureNames,
  readFixture,
  serverVerdict,
  withoutSuffix,
} from './helpers/vap-fixtures.ts';
import type { Fixture, Verdict } from './helpers/vap-fixtures.ts';
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
const VAP_API = '/apis/admissionregistration.k8s.io/v1';

/** `fixture/case` pairs whose disagreement is argued, not a bug. None so far. */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

interface Comparison {
  id: string;
  server: Verdict | { error: string };
  ours: Verdict;
  expected: Verdict;
}

describe.skipIf(!cluster)('ValidatingAdmissionPolicy agreement with a real API server', () => {
  const c = cluster ?? ({} as NonNullable<typeof cluster>);
  const discovery = new Discovery(c);
  const fixtures: Fixture[] = [];
  const results: Comparison[] = [];
  const labelled = new Set<string>();

  const dryRun = async (object: KubeObject) => {
    const namespace = object.metadata?.namespace ?? '';
    const path = await discovery.collectionPath(object, namespace);
    if (path === undefined) throw new Error(`${object.apiVersion}/${object.kind} is not served`);
    return serverVerdict(await kubeRequest(c, { path, query: { dryRun: 'All' }, body: object }));
  };

  async function namespacesOf(fixture: Fixture): Promise<Map<string, KubeObject>> {
    const found = new Map<string, KubeObject>();
    for (const name of fixture.namespaces) {
      const res = await kubeRequest(c, { path: `/api/v1/namespaces/${name}` });
      found.set(name, expectStatus(res, `get namespace ${name}`, 200).body as KubeObject);
    }
    return found;
  }

  async function setUp(name: string): Promise<Comparison[]> {
    const namespace = uniqueName(`vap-${name}`.slice(0, 40));
    const fixture = await readFixture(name, { suffix, namespace, label: LABEL });
    fixtures.push(fixture);
    await createNamespace(c, namespace, { [LABEL]: name });
    for (const other of fixture.namespaces.filter((n) => n !== namespace)) {
      // A namespace a case names (kube-system): it exists; label it for this fixture's binding.
      labelled.add(other);
      const body = { metadata: { labels: { [LABEL]: name } } };
      await kubeRequest(c, { method: 'PATCH', path: `/api/v1/namespaces/${other}`, body });
    }
    for (const object of fixture.install) {
      const path = await discovery.collectionPath(object, object.metadata?.namespace ?? '');
      expectStatus(await kubeRequest(c, { path: path ?? '', body: object }), 'install', 201);
    }
    const namespaces = await namespacesOf(fixture);
    const ours = fixture.cases.map((k) => engineVerdict(fixture, k.object, namespaces, ADMIN));
    // The API server compiles policies and syncs params asynchronously: wait until a case we
    // expect to be denied or warned about gets exactly our verdict (30 s at most).
    const probe = fixture.cases.findIndex((_, i) => ours[i]?.allowed === false);
    const warned = fixture.cases.findIndex((_, i) => ours[i]?.warnings !== undefined);
    const probeCase = fixture.cases[probe === -1 ? warned : probe];
    const probeVerdict = ours[probe === -1 ? warned : probe];
    for (let i = 0; probeCase !== undefined && i < 60; i++) {
      const server = await dryRun(probeCase.object);
      if (isDeepStrictEqual(server, probeVerdict)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return mapLimit(fixture.cases, 4, async (k, i) => ({
      id: `${name}/${k.file}`,
      server: await dryRun(k.object),
      ours: ours[i] ?? { allowed: true },
      expected: fixture.expected[k.file] ?? { allowed: true },
    }));
  }

  beforeAll(async () => {
    for (const list of await mapLimit(fixtureNames(), 4, setUp)) results.push(...list);
  });

  afterAll(async () => {
    for (const fixture of fixtures) {
      for (const o of fixture.install.filter((x) => x.kind.startsWith('ValidatingAdmission'))) {
        const plural = o.kind === 'ValidatingAdmissionPolicy' ? 'policies' : 'policybindings';
        const path = `${VAP_API}/validatingadmission${plural}/${o.metadata?.name ?? ''}`;
        await kubeRequest(c, { method: 'DELETE', path });
      }
    }
    for (const name of labelled) {
      await kubeRequest(c, {
        method: 'PATCH',
        path: `/api/v1/namespaces/${name}`,
        body: { metadata: { labels: { [LABEL]: null } } },
      });
    }
  });

  it('gives the same verdict, status, message and warnings as the API server on every case', () => {
    const agree = results.filter((r) => isDeepStrictEqual(r.server, r.ours));
    const disagree = results.filter((r) => !agree.includes(r) && EXCEPTIONS[r.id] === undefined);
    const excepted = results.filter((r) => !agree.includes(r) && EXCEPTIONS[r.id] !== undefined);
    console.log(
      `VAP agreement with kube-apiserver ${c.version}: ${String(agree.length)}/${String(results.length)} cases ` +
        `(${String(results.filter((r) => !r.ours.allowed).length)} denied, ` +
        `${String(results.filter((r) => r.ours.warnings !== undefined).length)} warned); ` +
        `${String(excepted.length)} argued exceptions`,
    );
    if (process.env.VAP_DEBUG === '1') console.log(JSON.stringify(results, null, 1));
    expect(results.length).toBeGreaterThanOrEqual(33);
    expect(
      disagree.map((r) => ({ id: r.id, server: r.server, ours: r.ours })),
      'disagreements',
    ).toEqual([]);
  });

  it('proves every fixture expectation (expected.yaml) right', () => {
    const wrong = results
      .filter((r) => !('error' in r.server))
      .map((r) => ({
        id: r.id,
        server: withoutSuffix(r.server as Verdict, suffix),
        expected: r.expected,
      }))
      .filter((r) => !isDeepStrictEqual(r.server, r.expected));
    expect(wrong).toEqual([]);
  });
});
