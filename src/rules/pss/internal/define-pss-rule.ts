import type { FixOperation, ObjectPath, Severity } from '../../../engine/finding.ts';
import type { Rule } from '../../../engine/rule.ts';
import { defineRule } from '../../../engine/rule.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import type { PssCheckFailure, PssField } from '../../../pss/index.ts';
import { checkById, formatVersion } from '../../../pss/index.ts';
import { evaluateObject } from './evaluate-object.ts';

export const PSS_STANDARD_URL =
  'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const PSA_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-admission/';

/** What a rule's suggestion builder sees for one offending field. */
export interface SuggestInput {
  object: KubeObject;
  field: PssField;
  /** Full path of the field inside the object. */
  path: ObjectPath;
  failure: PssCheckFailure;
}

export interface PssRuleSpec {
  id: string;
  /** The upstream check this rule reports. */
  checkId: string;
  title: string;
  description: string;
  severity: Severity;
  remediation: string;
  peers?: Readonly<Record<string, readonly string[]>>;
  /** Behaviour-changing edits offered for one offending field (never applied by `--fix`). */
  suggest?: (input: SuggestInput) => FixOperation[] | undefined;
}

export type PssMessageId = 'forbidden';

/** A pss-* rule, with the upstream check it reports. */
export type PssRule = Rule<PssMessageId> & { readonly checkId: string };

/**
 * A rule that reports one upstream PodSecurity check: one finding per (failure × field), with
 * the API server's reason and detail. The pod is evaluated once for all pss-* rules.
 */
export function definePssRule(spec: PssRuleSpec): PssRule {
  const check = checkById(spec.checkId);
  if (check === undefined) throw new Error(`unknown Pod Security check ${spec.checkId}`);
  const rule = defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      description: spec.description,
      severity: spec.severity,
      category: 'pod-security',
      messages: { forbidden: '{{reason}} ({{detail}}) [PodSecurity {{level}}:{{version}}]' },
      references: [PSS_STANDARD_URL, PSA_URL, check.source],
      remediation: spec.remediation,
      exact: true,
      workloadsOnly: true,
      ...(spec.peers === undefined ? {} : { peers: spec.peers }),
    },
    check(ctx) {
      const evaluation = evaluateObject(ctx);
      if (evaluation === undefined) return;
      const failure = evaluation.failures.find((f) => f.checkId === spec.checkId);
      if (failure === undefined) return;
      const { pod, policy } = evaluation;
      const version = formatVersion(policy.version);
      for (const field of failure.fields) {
        const base = field.in === 'spec' ? pod.path : pod.metadataPath;
        const path = [...base, ...field.path];
        const suggest = spec.suggest?.({ object: ctx.object, field, path, failure });
        ctx.report({
          path,
          messageId: 'forbidden',
          data: {
            reason: failure.forbiddenReason,
            detail: failure.forbiddenDetail,
            level: policy.level,
            version,
          },
          ...(suggest === undefined ? {} : { suggest }),
          evidence: {
            checkId: failure.checkId,
            checkLevel: failure.level,
            policy: `${policy.level}:${version}`,
            ...(policy.errors.length === 0 ? {} : { policyErrors: policy.errors }),
          },
        });
      }
    },
  });
  return Object.assign(rule, { checkId: spec.checkId });
}
