import type { Environment } from '@marcbachmann/cel-js';
import { Optional } from '@marcbachmann/cel-js';
import { isRecord } from '../../model/kube-object.ts';

/** `optional.ofNonZeroValue`, which cel-js lacks: none for the zero value of the type. */
export function registerOptional(env: Environment): void {
  env.registerFunction(
    'OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>',
    (_: unknown, value: unknown) => (isZero(value) ? Optional.none() : Optional.of(value)),
  );
}

function isZero(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (value === 0 || value === 0n) return true;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}
