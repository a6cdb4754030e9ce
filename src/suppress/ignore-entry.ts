/** One entry of an ignore file (or of the config's `ignore:` section). */
export interface IgnoreEntry {
  /** Rule id or glob (`pss-*`). */
  rule: string;
  /** Kind (`DaemonSet`) or group/kind (`apps/DaemonSet`), glob allowed. */
  kind?: string;
  namespace?: string;
  /** Object name, glob allowed (`calico-*`). */
  name?: string;
  /** Container name, glob allowed; only findings about that container match. */
  container?: string;
  /** Why the finding is accepted: required. */
  reason: string;
  /** Last day (`YYYY-MM-DD`, UTC) the entry suppresses; after it, the finding is reported again. */
  expires?: string;
  /** Where the entry is written, for diagnostics. */
  source?: { file: string; line: number; column: number };
}

/** JSON Schema of an ignore entry, as written by users. */
export const IGNORE_ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'reason'],
  properties: {
    rule: { type: 'string', minLength: 1 },
    kind: { type: 'string', minLength: 1 },
    namespace: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    container: { type: 'string', minLength: 1 },
    reason: { type: 'string', pattern: '\\S' },
    expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
} as const;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
