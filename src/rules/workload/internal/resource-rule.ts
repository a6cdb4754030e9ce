import type { Severity } from '../../../engine/finding.ts';
import { defineRule } from '../../../engine/rule.ts';
import type { Rule } from '../../../engine/rule.ts';
import { podOf } from './pod.ts';
import { REF } from './refs.ts';
import type { Bound, ResourceName } from './resources.ts';
import { missingResource } from './resources.ts';

export interface ResourceRuleSpec {
  id: string;
  bound: Bound;
  resource: ResourceName;
  title: string;
  description: string;
  severity: Severity;
  message: string;
  remediation: string;
  peers: Readonly<Record<string, readonly string[]>>;
}

/**
 * A rule that reports init and regular containers left without a request or limit for one
 * resource, after requests defaulted from limits, pod-level resources and LimitRange defaults.
 * Values are the workload's to choose, so it suggests no edit.
 */
export function resourceRule(spec: ResourceRuleSpec): Rule<'missing'> {
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      description: spec.description,
      severity: spec.severity,
      category: 'reliability',
      workloadsOnly: true,
      messages: { missing: spec.message },
      remediation: spec.remediation,
      references: [REF.resources, REF.limitRange, REF.nsa],
      peers: spec.peers,
    },
    check(ctx) {
      const pod = podOf(ctx.object);
      if (pod === undefined) return;
      for (const { container, path } of missingResource(
        ctx.object,
        ctx.inventory,
        pod,
        spec.bound,
        spec.resource,
      )) {
        ctx.report({ path, messageId: 'missing', data: { name: container.name } });
      }
    },
  });
}
