// who-can, can-i and escalation paths over a generated cluster: 10,000 bindings (2,000
// ClusterRoleBindings, 8,000 RoleBindings) and 2,000 roles (1,000 ClusterRoles, 20 of them
// aggregating others, and 1,000 Roles) in 200 namespaces, with 2,000 Deployments.
import { test } from 'vitest';
import type { KubeObject } from '../src/model/kube-object.ts';
import { Inventory } from '../src/model/inventory.ts';
import {
  authorize,
  buildEscalationGraph,
  buildRbacIndex,
  privilegedNamespacesOf,
  shortestPaths,
  userGroups,
  whoCan,
  workloadsOf,
} from '../src/rbac/index.ts';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  scanObjects,
} from '../src/rbac/internal/objects.ts';
import type { RuleSpec } from '../src/rbac/internal/objects.ts';

let seed = 7;
const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const RESOURCES: [string, string][] = [
  ['', 'pods'],
  ['', 'secrets'],
  ['', 'configmaps'],
  ['', 'services'],
  ['apps', 'deployments'],
  ['batch', 'jobs'],
  ['', 'pods/log'],
  ['', 'pods/exec'],
  ['networking.k8s.io', 'ingresses'],
  ['example.com', 'widgets'],
];
const namespaces = Array.from({ length: 200 }, (_, i) => `ns-${i}`);

function rules(): RuleSpec[] {
  return Array.from({ length: 1 + random(6) }, () => {
    const [group, resource] = pick(RESOURCES);
    return { apiGroups: [group], resources: [resource], verbs: [pick(VERBS), pick(VERBS)] };
  });
}

function subjects(): string[] {
  return Array.from({ length: 1 + random(3) }, () => {
    const kind = random(3);
    if (kind === 0) return `ServiceAccount:${pick(namespaces)}/sa-${random(20)}`;
    return kind === 1 ? `User:user-${random(2000)}` : `Group:group-${random(300)}`;
  });
}

const objects: KubeObject[] = [];
for (let i = 0; i < 1000; i++) {
  const labels = { 'bench.example.com/pool': String(i % 20) };
  objects.push(
    clusterRole(
      `cr-${i}`,
      i < 20 ? [] : rules(),
      i < 20
        ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: labels }] } }
        : { metadata: { labels } },
    ),
  );
}
for (let i = 0; i < 1000; i++)
  objects.push(role(namespaces[i % 200] ?? 'ns-0', `role-${i}`, rules()));
for (let i = 0; i < 2000; i++)
  objects.push(clusterRoleBinding(`crb-${i}`, `cr-${random(1000)}`, subjects()));
for (let i = 0; i < 8000; i++) {
  const ns = pick(namespaces);
  const ref =
    random(2) === 0
      ? `ClusterRole:cr-${random(1000)}`
      : `Role:role-${namespaces.indexOf(ns) + 200 * random(5)}`;
  objects.push(roleBinding(ns, `rb-${i}`, ref, subjects()));
}
for (let i = 0; i < 2000; i++) {
  const ns = pick(namespaces);
  objects.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${i}`, namespace: ns },
    spec: {
      selector: {},
      template: {
        spec: {
          serviceAccountName: `sa-${random(20)}`,
          containers: [{ name: 'app', image: 'app:1' }],
        },
      },
    },
  });
}
const items = scanObjects(objects);
const inventory = new Inventory(items);
const index = buildRbacIndex(items, 'all');
const workloads = workloadsOf(inventory);
const privileged = privilegedNamespacesOf(inventory);
const graph = buildEscalationGraph({ index, workloads, privileged });

// The index and graph are built once, as a scan builds them; queries then use them. Target: who-can
// under 100 ms.
test('rbac: 10,000 bindings, 2,000 roles', { timeout: 600_000 }, async ({ bench }) => {
  await bench.compare(
    bench('build the index (aggregation included)', () => {
      buildRbacIndex(items, 'all');
    }),
    bench('who-can get secrets in a namespace', () => {
      whoCan(index, { verb: 'get', resource: 'secrets', namespace: pick(namespaces) });
    }),
    bench('who-can list pods cluster-wide', () => {
      whoCan(index, { verb: 'list', resource: 'pods' });
    }),
    bench('can-i (a service account, in a namespace)', () => {
      const user = `system:serviceaccount:${pick(namespaces)}:sa-${String(random(20))}`;
      authorize(index, {
        user,
        groups: userGroups(user),
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: pick(namespaces),
      });
    }),
    bench('paths: build the escalation graph', () => {
      buildEscalationGraph({ index, workloads, privileged });
    }),
    bench('paths: shortest paths from every start', () => {
      shortestPaths(graph);
    }),
    { time: 2000, warmupIterations: 3 },
  );
});
