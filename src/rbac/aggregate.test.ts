// Cases from upstream's TestSyncClusterRole
// (pkg/controller/clusterroleaggregation/clusterroleaggregation_controller_test.go), plus nesting.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/kube-object.ts';
import { clusterRole, scanObjects } from './internal/objects.ts';
import type { RuleSpec } from './internal/objects.ts';
import { buildRbacIndex } from './rbac-index.ts';

const hammer: RuleSpec[] = [
  { verbs: ['hammer'], resources: ['nails'] },
  { verbs: ['hammer'], resources: ['wedges'] },
];
const chisel: RuleSpec[] = [{ verbs: ['chisel'], resources: ['mortises'] }];
const saw: RuleSpec[] = [{ verbs: ['saw'], resources: ['boards'] }];

const labelled = (name: string, labels: Record<string, string>, rules: RuleSpec[]) =>
  clusterRole(name, rules, { metadata: { labels } });
const combined = (selectors: unknown[], rules: RuleSpec[] = []) =>
  clusterRole('combined', rules, { aggregationRule: { clusterRoleSelectors: selectors } });

function verbsAndResources(objects: KubeObject[], name = 'combined'): string[] {
  const role = buildRbacIndex(scanObjects(objects)).roles.get(`ClusterRole/${name}`);
  return (role?.rules ?? []).map((r) => `${r.verbs.join()} ${r.resources.join()}`);
}

describe('aggregateClusterRoles (upstream TestSyncClusterRole)', () => {
  it('removes dead rules', () => {
    expect(
      verbsAndResources([
        labelled('hammer', { foo: 'bar' }, hammer),
        combined([{ matchLabels: { foo: 'bar' } }], saw),
      ]),
    ).toEqual(['hammer nails', 'hammer wedges']);
  });

  it('strips rules when nothing matches', () => {
    expect(
      verbsAndResources([
        labelled('hammer', { foo: 'not-bar' }, hammer),
        combined([{ matchLabels: { foo: 'bar' } }], hammer),
      ]),
    ).toEqual([]);
  });

  it('selects properly and orders by name', () => {
    const objects = [
      labelled('hammer', { foo: 'bar' }, hammer),
      labelled('chisel', { foo: 'bar' }, chisel),
      labelled('saw', { foo: 'not-bar' }, saw),
    ];
    expect(verbsAndResources([...objects, combined([{ matchLabels: { foo: 'bar' } }])])).toEqual([
      'chisel mortises',
      'hammer nails',
      'hammer wedges',
    ]);
    expect(
      verbsAndResources([
        ...objects,
        combined([{ matchLabels: { foo: 'bar' } }, { matchLabels: { foo: 'not-bar' } }]),
      ]),
    ).toEqual(['chisel mortises', 'hammer nails', 'hammer wedges', 'saw boards']);
  });

  it('removes duplicates', () => {
    expect(
      verbsAndResources([
        labelled('hammer', { foo: 'bar' }, hammer),
        labelled('chisel', { foo: 'bar' }, chisel),
        labelled('saw', { foo: 'bar' }, saw),
        labelled('other-saw', { foo: 'not-bar' }, saw),
        combined([{ matchLabels: { foo: 'bar' } }, { matchLabels: { foo: 'not-bar' } }]),
      ]),
    ).toEqual(['chisel mortises', 'hammer nails', 'hammer wedges', 'saw boards']);
  });
});

describe('aggregation beyond the controller test', () => {
  it('settles nested aggregation (view → edit → admin) and keeps where each rule is written', () => {
    const objects = [
      clusterRole('admin', [], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'to-admin': 'true' } }] },
      }),
      clusterRole('edit', [], {
        metadata: { labels: { 'to-admin': 'true' } },
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'to-edit': 'true' } }] },
      }),
      clusterRole('view', [], {
        metadata: { labels: { 'to-edit': 'true' } },
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'to-view': 'true' } }] },
      }),
      labelled('pieces-of-view', { 'to-view': 'true' }, chisel),
      labelled('pieces-of-edit', { 'to-edit': 'true' }, saw),
    ];
    expect(verbsAndResources(objects, 'admin')).toEqual(['saw boards', 'chisel mortises']);
    const admin = buildRbacIndex(scanObjects(objects)).roles.get('ClusterRole/admin');
    expect(admin?.origins.map((o) => o.role.name)).toEqual(['pieces-of-edit', 'pieces-of-view']);
  });

  it('supports matchExpressions, ignores itself, and keeps its rules when a selector is invalid', () => {
    const objects = [
      labelled('a', { tier: 'x' }, hammer),
      labelled('b', { tier: 'y' }, chisel),
      clusterRole('combined', saw, {
        metadata: { labels: { tier: 'x' } },
        aggregationRule: {
          clusterRoleSelectors: [
            { matchExpressions: [{ key: 'tier', operator: 'In', values: ['x'] }] },
          ],
        },
      }),
    ];
    expect(verbsAndResources(objects)).toEqual(['hammer nails', 'hammer wedges']);
    const invalid = combined([{ matchExpressions: [{ key: 'tier', operator: 'Near' }] }], saw);
    expect(verbsAndResources([...objects.slice(0, 2), invalid])).toEqual(['saw boards']);
  });

  it('resolves the default admin, edit and view roles from the bootstrap data', () => {
    const idx = buildRbacIndex([], 'roles');
    const admin = idx.roles.get('ClusterRole/admin');
    const view = idx.roles.get('ClusterRole/view');
    expect(admin?.ownRules).toEqual([]);
    expect((admin?.rules.length ?? 0) > (view?.rules.length ?? 0)).toBe(true);
    expect(view?.rules.some((r) => r.resources.includes('secrets'))).toBe(false);
    expect(
      admin?.rules.some((r) => r.resources.includes('secrets') && r.verbs.includes('get')),
    ).toBe(true);
  });
});
