/**
 * Pod Security policy versions, as `pod-security.kubernetes.io/enforce-version` spells them.
 * Mirrors k8s.io/pod-security-admission/api/helpers.go (`Version`, `ParseVersion`, `Older`).
 */

/** A policy version: `v1.<minor>` or `latest`. Only major version 1 exists. */
export type PssVersion = 'latest' | { readonly major: number; readonly minor: number };

/**
 * The newest policy version any check defines (sysctls v1.37); newer versions and `latest`
 * evaluate as this one, as upstream's registry clamps to its `maxVersion`.
 */
export const LATEST_MINOR = 37;

// Upstream: ^v1\.([0-9]|[1-9][0-9]*)$ — no leading zeros, major 1 only.
const VERSION_PATTERN = /^v1\.(0|[1-9][0-9]*)$/;
// Go's strconv.Atoi rejects minors beyond int64; the label is then invalid.
const MAX_INT64 = 9223372036854775807n;

/**
 * Parses `latest` or `v1.<minor>`; undefined for anything else.
 * @example parseVersion('v1.25') // { major: 1, minor: 25 }
 */
export function parseVersion(text: string): PssVersion | undefined {
  if (text === 'latest') return 'latest';
  const match = VERSION_PATTERN.exec(text);
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  if (digits.length >= 19 && BigInt(digits) > MAX_INT64) return undefined;
  return { major: 1, minor: Number(digits) };
}

/** `latest` or `v1.25`, as the API server prints the version in its messages. */
export function formatVersion(version: PssVersion): string {
  return version === 'latest' ? 'latest' : `v${version.major}.${version.minor}`;
}

/** The minor version whose checks apply: `latest` and future versions clamp to LATEST_MINOR. */
export function effectiveMinor(version: PssVersion): number {
  if (version === 'latest') return LATEST_MINOR;
  return Math.min(version.minor, LATEST_MINOR);
}
