import type { ObjectPath } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import type { RuleContext } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import {
  containerContextPath,
  isWindowsPod,
  podContextPath,
  podSecurityContext,
} from './internal/security-context.ts';
import type { Rec } from './internal/values.ts';
import { asRecord, stringsOf } from './internal/values.ts';

const DEFAULT_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];
const allowedSets = new WeakMap<object, ReadonlySet<string>>();

function allowedTypes(option: unknown): ReadonlySet<string> {
  const list = Array.isArray(option) ? option : DEFAULT_TYPES;
  let set = allowedSets.get(list);
  if (set === undefined) {
    set = new Set(stringsOf(list));
    allowedSets.set(list, set);
  }
  return set;
}

type MessageId = 'type' | 'podType' | 'userRole' | 'podUserRole';

export default defineRule({
  id: 'container-selinux-options',
  meta: {
    title: "Containers keep the runtime's SELinux labels",
    description:
      'On SELinux nodes the runtime labels each container with a confined type (container_t) and a unique MCS level, which keeps it away from host files and other pods. Setting a custom type, user or role changes the policy that confines it; `spc_t` ("super privileged container") is unconfined. The rule checks `seLinuxOptions` of the pod and of every container; `level` may be set (it only picks the MCS categories).',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      type: 'Container "{{name}}" sets SELinux type "{{value}}", outside the container types the runtime confines.',
      podType:
        'Pod securityContext sets SELinux type "{{value}}", outside the container types the runtime confines.',
      userRole:
        'Container "{{name}}" sets SELinux {{field}} "{{value}}": custom users and roles change the policy that confines it.',
      podUserRole:
        'Pod securityContext sets SELinux {{field}} "{{value}}": custom users and roles change the policy that confines its containers.',
    },
    remediation:
      'Remove `seLinuxOptions.type`, `user` and `role` (keep `level` if you pin MCS categories); run workloads that need host access on dedicated nodes.',
    references: [REF.securityContext, REF.pss, REF.kernelConstraints],
    peers: {
      trivy: ['KSV025'],
      kubescape: ['C-0055'],
      polaris: ['linuxHardening'],
      kubeScore: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { allowedTypes: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { allowedTypes: DEFAULT_TYPES },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const allowed = allowedTypes(ctx.options.allowedTypes);
    const podOptions = asRecord(podSecurityContext(pod)?.seLinuxOptions);
    if (podOptions !== undefined) {
      inspect(ctx, podOptions, podContextPath(pod, 'seLinuxOptions'), allowed, undefined);
    }
    for (const c of containersOf(pod)) {
      const options = asRecord(c.securityContext?.seLinuxOptions);
      if (options === undefined) continue;
      inspect(ctx, options, containerContextPath(c, 'seLinuxOptions'), allowed, c.name);
    }
  },
});

function inspect(
  ctx: RuleContext<MessageId>,
  options: Rec,
  base: ObjectPath,
  allowed: ReadonlySet<string>,
  name: string | undefined,
): void {
  const type = options.type;
  if (typeof type === 'string' && type !== '' && !allowed.has(type)) {
    ctx.report({
      path: [...base, 'type'],
      messageId: name === undefined ? 'podType' : 'type',
      data: { name: name ?? '', value: type },
      ...(type === 'spc_t' || type === 'unconfined_t' ? { severity: 'high' } : {}),
      suggest: [{ op: 'remove', path: [...base, 'type'] }],
    });
  }
  for (const field of ['user', 'role'] as const) {
    const value = options[field];
    if (typeof value !== 'string' || value === '') continue;
    ctx.report({
      path: [...base, field],
      messageId: name === undefined ? 'podUserRole' : 'userRole',
      data: { name: name ?? '', field, value },
      suggest: [{ op: 'remove', path: [...base, field] }],
    });
  }
}
