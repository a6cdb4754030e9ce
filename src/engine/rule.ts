import type { FixOperation, ObjectPath, Severity } from './finding.ts';
import type { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import type { ScanSettings } from './settings.ts';

/** JSON Schema for a rule's options (checked with ajv when the config loads). */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<MessageId extends string> {
  title: string;
  /** One paragraph: what the rule checks and why it matters. */
  description: string;
  severity: Severity;
  /** e.g. `pod-security`, `workload`, `rbac`, `network`, `secrets`, `reliability`. */
  category: string;
  /** Message templates with `{{placeholders}}`. */
  messages: Record<MessageId, string>;
  references: readonly string[];
  /** How to fix it, one or two sentences (docs carry the long form). */
  remediation: string;
  /** True for rules that mirror a Kubernetes-defined answer exactly (PSS, RBAC, NetworkPolicy). */
  exact?: boolean;
  /** Group/kinds the rule looks at (`apps/Deployment`, `Pod`, …); omitted means every object. */
  kinds?: readonly string[];
  /** Only run on objects that carry a pod spec (any workload kind). */
  workloadsOnly?: boolean;
  /** Ids of equivalent checks in other tools, for migration (`trivy: KSV017`, …). */
  peers?: Readonly<Record<string, readonly string[]>>;
  schema?: JsonSchema;
  defaultOptions?: Record<string, unknown>;
  /** Rules that are off unless selected by `--rules` or config. */
  optIn?: boolean;
}

export interface ReportDescriptor<MessageId extends string> {
  /** Path inside `ctx.object` of the field the finding is about. */
  path: ObjectPath;
  messageId: MessageId;
  data?: Record<string, string | number | boolean>;
  /** Overrides `meta.severity` for this finding (e.g. a scope-dependent RBAC severity). */
  severity?: Severity;
  fix?: FixOperation[];
  suggest?: FixOperation[];
  evidence?: Record<string, unknown>;
  /** Distinguishes two findings of one rule on the same path (kept in the fingerprint). */
  discriminator?: string;
}

export interface RuleContext<MessageId extends string> {
  readonly object: KubeObject;
  readonly scanObject: ScanObject;
  readonly inventory: Inventory;
  readonly settings: ScanSettings;
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  id: string;
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext<MessageId>): void;
}

/** Identity function that infers message ids, so a misspelt `messageId` does not compile. */
export function defineRule<const MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

// A registry stores rules of every message-id type side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
