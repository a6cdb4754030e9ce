import { defineRule } from '../../../engine/rule.ts';
import type { Rule } from '../../../engine/rule.ts';
import { groupKindOf } from '../../../model/kinds.ts';
import { podOf } from './pod.ts';
import { WORKLOAD_CONTAINERS, containersOf } from './containers.ts';
import { REF } from './refs.ts';
import type { Rec } from './values.ts';
import { isSet } from './values.ts';

/** Kinds whose pods run to completion: probes do not apply to them. */
const RUN_TO_COMPLETION = new Set(['batch/Job', 'batch/CronJob', 'keda.sh/ScaledJob']);

export interface ProbeRuleSpec {
  id: string;
  field: 'livenessProbe' | 'readinessProbe';
  title: string;
  description: string;
  message: string;
  remediation: string;
  peers: Readonly<Record<string, readonly string[]>>;
}

/**
 * A rule that reports long-running containers (regular containers and native sidecars) without
 * a probe. Jobs, CronJobs and pods whose restartPolicy is not Always run to completion and are
 * skipped.
 */
export function probeRule(spec: ProbeRuleSpec): Rule<'missing'> {
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      description: spec.description,
      severity: 'low',
      category: 'reliability',
      workloadsOnly: true,
      messages: { missing: spec.message },
      remediation: spec.remediation,
      references: [REF.probes, REF.configOverview],
      peers: spec.peers,
    },
    check(ctx) {
      if (RUN_TO_COMPLETION.has(groupKindOf(ctx.object))) return;
      const pod = podOf(ctx.object);
      if (pod === undefined) return;
      const restartPolicy = (pod.spec as unknown as Rec).restartPolicy;
      if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') return;
      for (const c of containersOf(pod, WORKLOAD_CONTAINERS)) {
        if (c.kind === 'initContainers' && !c.sidecar) continue;
        if (isSet(c.value[spec.field])) continue;
        ctx.report({ path: [...c.path, spec.field], messageId: 'missing', data: { name: c.name } });
      }
    },
  });
}
