import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../src/model/kube-object.ts';
import { readBinding, readPolicy } from '../../../src/vap/index.ts';
import type { UserInfo } from '../../../src/vap/index.ts';
import { kubeRequest } from '../kube-request.ts';
import type { KubeEndpoint } from '../kube-request.ts';
import type { Discovery } from './discovery.ts';
import { expectStatus, statusMessage } from './objects.ts';
import { mapLimit } from './pool.ts';
import { engineVerdict, serverVerdict } from './vap-fixtures.ts';
import type { Fixture, Verdict } from './vap-fixtures.ts';

/** A policy or binding the server refused to create (we must refuse it too), or a verdict. */
export type Answer = Verdict | { refused: true } | { error: string };

export interface Comparison {
  id: string;
  server: Answer;
  ours: Answer;
  /** expected.yaml's verdict, for fixture cases. */
  expected?: Verdict;
  /** Why each side refused an object (the wording is not compared). */
  note?: string;
}

/**
 * Installs a fixture (policies the server refuses are compared with our own checks of them, and
 * left out of both sides' evaluation), then dry-runs every case until the server agrees with us
 * on all cases not in `excepted` (the API server activates policies and syncs params
 * asynchronously) or 30 s pass, and returns the last comparison.
 */
export async function compareFixture(
  cluster: KubeEndpoint,
  discovery: Discovery,
  fixture: Fixture,
  user: UserInfo,
  excepted: (id: string) => boolean,
): Promise<Comparison[]> {
  const refusals: Comparison[] = [];
  const installed: Fixture['install'] = [];
  for (const object of fixture.install) {
    const path = await discovery.collectionPath(object, object.metadata?.namespace ?? '');
    const res = await kubeRequest(cluster, { path: path ?? '', body: object });
    if (res.status === 201) {
      installed.push(object);
      continue;
    }
    const policy = object.kind === 'ValidatingAdmissionPolicy';
    if (!object.kind.startsWith('ValidatingAdmissionPolicy') || res.status !== 422)
      expectStatus(res, `install ${object.kind} ${object.metadata?.name ?? ''}`, 201);
    const problems = (policy ? readPolicy(object) : readBinding(object)).problems;
    refusals.push({
      id: `${fixture.name}/${object.metadata?.name ?? ''} (refused)`,
      server: { refused: true },
      ours: problems.length > 0 ? { refused: true } : { allowed: true },
      note: `server: ${statusMessage(res)}; ours: ${problems.join('; ')}`,
    });
  }
  const refusedNames = new Set(refusals.map((r) => r.id.split('/')[1]?.split(' ')[0]));
  const mine: Fixture = { ...fixture, install: installed };
  const namespaces = new Map<string, KubeObject>();
  for (const name of fixture.namespaces) {
    const res = await kubeRequest(cluster, { path: `/api/v1/namespaces/${name}` });
    namespaces.set(name, expectStatus(res, `get namespace ${name}`, 200).body as KubeObject);
  }
  // Cases of a refused policy (edge cases name theirs) are judged by the refusal alone.
  const cases = fixture.cases.filter(
    (k) => ![...refusedNames].some((n) => n?.startsWith(`edge-${k.file}-`)),
  );
  const ours = cases.map((k) => engineVerdict(mine, k.object, namespaces, user));
  let results: Comparison[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    results = await mapLimit(cases, 8, async (k, i) => {
      const path = await discovery.collectionPath(k.object, k.object.metadata?.namespace ?? '');
      const res = await kubeRequest(cluster, {
        path: path ?? '',
        query: { dryRun: 'All' },
        body: k.object,
      });
      const expected = fixture.expected[k.file];
      return {
        id: `${fixture.name}/${k.file}`,
        server: serverVerdict(res),
        ours: ours[i] ?? { allowed: true },
        ...(expected === undefined ? {} : { expected }),
      };
    });
    if (results.every((r) => isDeepStrictEqual(r.server, r.ours) || excepted(r.id))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return [...refusals, ...results];
}
