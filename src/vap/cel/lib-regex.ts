import type { Environment } from '@marcbachmann/cel-js';
import { charge } from './budget.ts';
import { compileRegex, regexTest } from './regex.ts';

/**
 * Kubernetes' regex library (k8s.io/apiserver/pkg/cel/library/regex.go): `find`, `findAll`, and
 * the standard `matches`, all with RE2 syntax (see regex.ts for how RE2 maps onto RegExp).
 */
export function registerRegex(env: Environment): void {
  env.registerFunction('string.find(string): string', (s: string, pattern: string) => {
    const match = globalRegex(pattern).exec(s);
    return match === null ? '' : match[0];
  });
  env.registerFunction('string.findAll(string): list<string>', (s: string, pattern: string) =>
    findAll(s, pattern, -1n),
  );
  env.registerFunction('string.findAll(string, int): list<string>', findAll);
  // The global form; the method form is cel-js's own, routed to regexTest by the interceptor.
  env.registerFunction('matches(string, string): bool', (text: string, pattern: string) =>
    regexTest(pattern, text),
  );
}

function globalRegex(pattern: string): RegExp {
  const base = compileRegex(pattern);
  return new RegExp(base.source, `${base.flags}g`);
}

function findAll(s: string, pattern: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  const regex = globalRegex(pattern);
  charge(s.length);
  const out: string[] = [];
  let previousEnd = -1;
  for (let match = regex.exec(s); match !== null; match = regex.exec(s)) {
    // Go skips an empty match right after the previous match.
    if (match[0] === '' && match.index === previousEnd) {
      regex.lastIndex++;
      continue;
    }
    out.push(match[0]);
    previousEnd = match.index + match[0].length;
    if (match[0] === '') regex.lastIndex++;
    if (limit > 0n && BigInt(out.length) >= limit) break;
  }
  return out;
}
