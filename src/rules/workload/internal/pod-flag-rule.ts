import type { Severity } from '../../../engine/finding.ts';
import { defineRule } from '../../../engine/rule.ts';
import type { Rule } from '../../../engine/rule.ts';
import { podOf } from './pod.ts';
import type { Rec } from './values.ts';

export interface PodFlagRuleSpec {
  id: string;
  /** A boolean field of the pod spec that is insecure when true (`hostPID`, …). */
  field: string;
  title: string;
  description: string;
  severity: Severity;
  message: string;
  remediation: string;
  references: readonly string[];
  peers: Readonly<Record<string, readonly string[]>>;
}

/**
 * A rule that reports a pod-spec flag set to true (`hostPID: true`, …), suggesting false. The
 * suggestion changes what runs, so it is never a safe fix.
 */
export function podFlagRule(spec: PodFlagRuleSpec): Rule<'enabled'> {
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      description: spec.description,
      severity: spec.severity,
      category: 'workload',
      workloadsOnly: true,
      messages: { enabled: spec.message },
      remediation: spec.remediation,
      references: spec.references,
      peers: spec.peers,
    },
    check(ctx) {
      const pod = podOf(ctx.object);
      if (pod === undefined || (pod.spec as unknown as Rec)[spec.field] !== true) return;
      const path = [...pod.path, spec.field];
      ctx.report({ path, messageId: 'enabled', suggest: [{ op: 'replace', path, value: false }] });
    },
  });
}
