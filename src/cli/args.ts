import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { KubewardError } from '../engine/errors.ts';
import { isSeverity, SEVERITIES } from '../engine/finding.ts';
import type { Severity } from '../engine/finding.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs with usage errors turned into KubewardError (exit code 2, no stack). */
export function parse<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KubewardError('E_USAGE', `${message ?? 'bad arguments'} (see --help)`);
  }
}

export function severityFlag(
  value: string | undefined,
  flag: string,
  fallback: Severity,
): Severity {
  if (value === undefined) return fallback;
  if (isSeverity(value)) return value;
  throw new KubewardError(
    'E_USAGE',
    `${flag} must be one of ${SEVERITIES.join(', ')}; got "${value}"`,
  );
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new KubewardError(
    'E_USAGE',
    `${flag} must be one of ${allowed.join(', ')}; got "${value}"`,
  );
}

export function sizeFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^(\d+)([kKmMgG]i?[bB]?)?$/.exec(value);
  if (match === null)
    throw new KubewardError('E_USAGE', `${flag} must be a size such as 10MiB; got "${value}"`);
  const unit = (match[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(match[1]) * factor;
}

export function intFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new KubewardError('E_USAGE', `${flag} must be a whole number; got "${value}"`);
  return Number(value);
}

/** Comma-separated and repeatable: `--rules a,b --rules c`. */
export function listFlag(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
