import type { FixOperation } from '../../src/engine/finding.ts';
import { defineRule } from '../../src/engine/rule.ts';
import type { AnyRule } from '../../src/engine/rule.ts';
import { isRecord } from '../../src/model/kube-object.ts';
import { podSpecOf } from '../../src/model/pod-spec.ts';

/**
 * Test-local rules with fixes, one per kind of edit (replace, add with and without parents, remove
 * an entry, remove and append sequence items), so fix tests do not depend on the real rules.
 */
const meta = {
  category: 'test',
  references: [],
  description: 'A rule for fix tests.',
  remediation: 'Apply the fix.',
  workloadsOnly: true,
} as const;

type Container = Record<string, unknown>;

function eachContainer(
  object: unknown,
  visit: (c: Container, path: (string | number)[], sc: Record<string, unknown> | undefined) => void,
): void {
  const pod = podSpecOf(object as never);
  if (pod === undefined) return;
  for (const field of ['initContainers', 'containers'] as const) {
    const list: unknown = pod.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c: unknown, i) => {
      if (!isRecord(c)) return;
      const sc = isRecord(c.securityContext) ? c.securityContext : undefined;
      visit(c, [...pod.path, field, i], sc);
    });
  }
}

/** Adds `field: value` to a container's securityContext, creating it when missing. */
function addToSecurityContext(
  path: (string | number)[],
  sc: Record<string, unknown> | undefined,
  field: string,
  value: unknown,
): FixOperation[] {
  return sc === undefined
    ? [{ op: 'add', path: [...path, 'securityContext'], value: { [field]: value } }]
    : [{ op: 'add', path: [...path, 'securityContext', field], value }];
}

export const pullPolicyRule = defineRule({
  id: 't-pull-policy',
  meta: {
    ...meta,
    title: 'latest images set imagePullPolicy',
    severity: 'low',
    messages: { m: 'x' },
  },
  check(ctx) {
    eachContainer(ctx.object, (c, path) => {
      if (typeof c.image !== 'string' || !c.image.endsWith(':latest') || 'imagePullPolicy' in c)
        return;
      ctx.report({
        path,
        messageId: 'm',
        fix: [{ op: 'add', path: [...path, 'imagePullPolicy'], value: 'Always' }],
      });
    });
  },
});

export const privilegedRule = defineRule({
  id: 't-privileged',
  meta: { ...meta, title: 'not privileged', severity: 'critical', messages: { m: 'x' } },
  check(ctx) {
    eachContainer(ctx.object, (_, path, sc) => {
      if (sc?.privileged !== true) return;
      const at = [...path, 'securityContext', 'privileged'];
      ctx.report({
        path: at,
        messageId: 'm',
        suggest: [{ op: 'replace', path: at, value: false }],
      });
    });
  },
});

export const readOnlyRootRule = defineRule({
  id: 't-read-only-root',
  meta: { ...meta, title: 'read-only root', severity: 'medium', messages: { m: 'x' } },
  check(ctx) {
    eachContainer(ctx.object, (_, path, sc) => {
      if (sc?.readOnlyRootFilesystem === true) return;
      const suggest = addToSecurityContext(path, sc, 'readOnlyRootFilesystem', true);
      ctx.report({ path, messageId: 'm', suggest });
    });
  },
});

export const nonRootRule = defineRule({
  id: 't-non-root',
  meta: { ...meta, title: 'non-root', severity: 'medium', messages: { m: 'x' } },
  check(ctx) {
    eachContainer(ctx.object, (_, path, sc) => {
      if (sc?.runAsNonRoot === true) return;
      ctx.report({
        path,
        messageId: 'm',
        suggest: addToSecurityContext(path, sc, 'runAsNonRoot', true),
      });
    });
  },
});

export const hostPidRule = defineRule({
  id: 't-host-pid',
  meta: { ...meta, title: 'no hostPID', severity: 'high', messages: { m: 'x' } },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (pod?.spec.hostPID !== true) return;
    const path = [...pod.path, 'hostPID'];
    ctx.report({ path, messageId: 'm', suggest: [{ op: 'remove', path }] });
  },
});

export const netRawRule = defineRule({
  id: 't-net-raw',
  meta: { ...meta, title: 'no NET_RAW', severity: 'high', messages: { m: 'adds {{cap}}' } },
  check(ctx) {
    eachContainer(ctx.object, (_, path, sc) => {
      const caps = isRecord(sc?.capabilities) ? sc.capabilities : undefined;
      const add: unknown = caps?.add;
      if (!Array.isArray(add)) return;
      add.forEach((cap: unknown, i) => {
        if (cap !== 'NET_RAW' && cap !== 'SYS_ADMIN') return;
        const at = [...path, 'securityContext', 'capabilities', 'add', i];
        ctx.report({
          path: at,
          messageId: 'm',
          data: { cap },
          suggest: [{ op: 'remove', path: at }],
        });
      });
    });
  },
});

export const dropAllRule = defineRule({
  id: 't-drop-all',
  meta: { ...meta, title: 'drop ALL', severity: 'low', messages: { m: 'x' } },
  check(ctx) {
    eachContainer(ctx.object, (_, path, sc) => {
      const caps = isRecord(sc?.capabilities) ? sc.capabilities : undefined;
      const drop: unknown = caps?.drop;
      if (Array.isArray(drop) && drop.includes('ALL')) return;
      const base = [...path, 'securityContext', 'capabilities'];
      const suggest: FixOperation[] = Array.isArray(drop)
        ? [{ op: 'add', path: [...base, 'drop', '-'], value: 'ALL' }]
        : caps === undefined
          ? addToSecurityContext(path, sc, 'capabilities', { drop: ['ALL'] })
          : [{ op: 'add', path: [...base, 'drop'], value: ['ALL'] }];
      ctx.report({ path, messageId: 'm', suggest });
    });
  },
});

/** Every test-local fix rule. */
export const fixTestRules: readonly AnyRule[] = [
  dropAllRule,
  hostPidRule,
  netRawRule,
  nonRootRule,
  privilegedRule,
  pullPolicyRule,
  readOnlyRootRule,
];
