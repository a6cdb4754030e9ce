import type { PssLevel } from './level.ts';
import { PSS_LEVELS, parseLevel } from './level.ts';
import type { PssVersion } from './version.ts';
import { parseVersion } from './version.ts';
import { goQuote } from './internal/format.ts';

export const ENFORCE_LEVEL_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** The level and version a namespace enforces. */
export interface PssPolicy {
  level: PssLevel;
  version: PssVersion;
}

/** The enforced policy, with the API server's messages for labels it could not parse. */
export interface ResolvedPssPolicy extends PssPolicy {
  errors: string[];
}

// field.Invalid(metadata.labels[<label>], value, msg).Error(), as upstream appendErr builds it.
function invalid(label: string, value: string, message: string): string {
  return `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${message}`;
}

// Labels are strings on the wire; a YAML scalar of another type is read as its text.
function labelText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * The enforce policy of a namespace, as upstream `api.PolicyToEvaluate` resolves it: a label that
 * is absent keeps the default; an invalid level falls back to `restricted` and an invalid version
 * to `latest` (failing closed), each with an error.
 * @example policyForNamespace({ 'pod-security.kubernetes.io/enforce': 'baseline' }, defaults)
 */
export function policyForNamespace(
  labels: Readonly<Record<string, unknown>> | undefined,
  defaults: PssPolicy,
): ResolvedPssPolicy {
  const policy: ResolvedPssPolicy = {
    level: defaults.level,
    version: defaults.version,
    errors: [],
  };
  if (labels === undefined) return policy;
  if (Object.hasOwn(labels, ENFORCE_LEVEL_LABEL)) {
    const text = labelText(labels[ENFORCE_LEVEL_LABEL]);
    const level = parseLevel(text);
    policy.level = level ?? 'restricted';
    if (level === undefined) {
      policy.errors.push(
        invalid(ENFORCE_LEVEL_LABEL, text, `must be one of ${PSS_LEVELS.join(', ')}`),
      );
    }
  }
  if (Object.hasOwn(labels, ENFORCE_VERSION_LABEL)) {
    const text = labelText(labels[ENFORCE_VERSION_LABEL]);
    const version = parseVersion(text);
    policy.version = version ?? 'latest';
    if (version === undefined) {
      policy.errors.push(invalid(ENFORCE_VERSION_LABEL, text, 'must be "latest" or "v1.x"'));
    }
  }
  return policy;
}
