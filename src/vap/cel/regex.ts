import { charge } from './budget.ts';
import { RegexError, translate } from './regex-syntax.ts';

export { RegexError } from './regex-syntax.ts';

/**
 * RE2 patterns (the syntax Kubernetes CEL uses: Go's regexp) run on JavaScript's RegExp. The
 * pattern is translated (`(?i)` prefix flags, `(?P<n>`, `\A`, `\z`, `\Q…\E`, `[[:alpha:]]`, `\pL`,
 * Perl `\s`) and Perl-only syntax RE2 rejects (lookaround, backreferences) is rejected too.
 *
 * JavaScript's engine backtracks, RE2 does not: a nested unbounded repetition such as `(a+)+$`
 * can take exponential time on a crafted input, and a running RegExp cannot be interrupted. Such
 * patterns are refused with an error (which then follows the policy's failurePolicy) rather than
 * run. A linear-time engine (the `re2js` package) would lift this; see docs/policies.md.
 */
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

/** Compiles an RE2 pattern to an equivalent RegExp (cached); throws RegexError when it cannot. */
export function compileRegex(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  charge(pattern.length);
  const { source, flags } = translate(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(source, `${flags}u`);
  } catch (error) {
    throw new RegexError(`error parsing regexp: ${(error as Error).message}: \`${pattern}\``);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, regex);
  return regex;
}

/** RE2 `MatchString`: true when the pattern matches anywhere in `text`. */
export function regexTest(pattern: string, text: string): boolean {
  const regex = compileRegex(pattern);
  charge(text.length);
  regex.lastIndex = 0;
  return regex.test(text);
}
