import type { Environment } from '@marcbachmann/cel-js';
import semver from 'semver';

class Semver {
  readonly version: semver.SemVer;
  constructor(version: semver.SemVer) {
    this.version = version;
  }
}

function parse(text: string, normalize: boolean): semver.SemVer | undefined {
  let value = text;
  if (normalize) {
    value = value.replace(/^v/, '');
    const [core = '', ...rest] = value.split(/(?=[-+])/);
    const parts = core.split('.');
    while (parts.length < 3) parts.push('0');
    value = parts.map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p)).join('.') + rest.join('');
  }
  return semver.parse(value) ?? undefined;
}

/** Kubernetes' semver library (k8s.io/apiserver/pkg/cel/library/semver.go, since 1.33). */
export function registerSemver(env: Environment): void {
  env.registerType('Semver', Semver);
  const make = (text: string, normalize: boolean) => {
    const version = parse(text, normalize);
    if (version === undefined) throw new Error(`Could not parse semver "${text}"`);
    return new Semver(version);
  };
  env.registerFunction('semver(string): Semver', (text: string) => make(text, false));
  env.registerFunction('semver(string, bool): Semver', make);
  env.registerFunction(
    'isSemver(string): bool',
    (text: string) => parse(text, false) !== undefined,
  );
  env.registerFunction(
    'isSemver(string, bool): bool',
    (t: string, n: boolean) => parse(t, n) !== undefined,
  );
  env.registerFunction('Semver.major(): int', (s: Semver) => BigInt(s.version.major));
  env.registerFunction('Semver.minor(): int', (s: Semver) => BigInt(s.version.minor));
  env.registerFunction('Semver.patch(): int', (s: Semver) => BigInt(s.version.patch));
  env.registerFunction('Semver.compareTo(Semver): int', (a: Semver, b: Semver) =>
    BigInt(semver.compare(a.version, b.version)),
  );
  env.registerFunction('Semver.isGreaterThan(Semver): bool', (a: Semver, b: Semver) =>
    semver.gt(a.version, b.version),
  );
  env.registerFunction('Semver.isLessThan(Semver): bool', (a: Semver, b: Semver) =>
    semver.lt(a.version, b.version),
  );
  env.registerOperator('Semver == Semver', (a: Semver, b: Semver) =>
    semver.eq(a.version, b.version),
  );
}
