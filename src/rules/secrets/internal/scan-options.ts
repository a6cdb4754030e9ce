import type { JsonSchema } from '../../../engine/rule.ts';
import { DEFAULT_NAMED_OPTIONS } from '../../../secrets/index.ts';
import type { ScanOptions } from '../../../secrets/index.ts';

/** Options shared by the rules that look for secret-looking literals. */
export const SCAN_DEFAULT_OPTIONS = {
  minEntropy: DEFAULT_NAMED_OPTIONS.minEntropy,
  minLength: DEFAULT_NAMED_OPTIONS.minLength,
  passwordLiterals: DEFAULT_NAMED_OPTIONS.passwordLiterals,
  minPasswordLength: DEFAULT_NAMED_OPTIONS.minPasswordLength,
  ignoreNames: [] as string[],
};

export const SCAN_OPTIONS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    minEntropy: { type: 'number', minimum: 0, maximum: 8 },
    minLength: { type: 'integer', minimum: 1 },
    passwordLiterals: { type: 'boolean' },
    minPasswordLength: { type: 'integer', minimum: 1 },
    ignoreNames: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  additionalProperties: false,
};

export interface ResolvedScanOptions extends ScanOptions {
  /** Names (env vars, data keys) never reported, compared case-insensitively. */
  ignoreNames: ReadonlySet<string>;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Rule options (already validated against the schema when the config loaded), typed. */
export function resolveScanOptions(
  options: Readonly<Record<string, unknown>>,
  embedded: boolean,
): ResolvedScanOptions {
  const ignore = Array.isArray(options.ignoreNames) ? options.ignoreNames : [];
  return {
    minEntropy: numberOr(options.minEntropy, SCAN_DEFAULT_OPTIONS.minEntropy),
    minLength: numberOr(options.minLength, SCAN_DEFAULT_OPTIONS.minLength),
    passwordLiterals:
      typeof options.passwordLiterals === 'boolean'
        ? options.passwordLiterals
        : SCAN_DEFAULT_OPTIONS.passwordLiterals,
    minPasswordLength: numberOr(options.minPasswordLength, SCAN_DEFAULT_OPTIONS.minPasswordLength),
    ignoreNames: new Set(
      ignore.filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase()),
    ),
    embedded,
  };
}
