import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { ObjectPath, PathSegment } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import { formatPath } from '../engine/fingerprint.ts';
import { isRecord } from '../model/kube-object.ts';
import type { YamlSource } from './yaml-source.ts';

// ajv (~60 modules) loads on the first schema check: a scan without a config file or rule
// options never makes one, and every command line would otherwise pay for loading it.
const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    if (ajv === undefined) {
      const { Ajv: AjvClass } = require('ajv') as { Ajv: new (options: Options) => Ajv };
      // Rule schemas are written by rule authors: unknown keywords are tolerated, not fatal.
      ajv = new AjvClass({ allErrors: true, strict: false, verbose: true });
    }
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** A value that does not match its schema: where (a config path) and why. */
export interface SchemaProblem {
  path: ObjectPath;
  /** Point at the key rather than the value (an unknown key). */
  key: boolean;
  message: string;
}

function segmentsOf(pointer: string, data: unknown): PathSegment[] {
  const segments: PathSegment[] = [];
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const name = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment = Array.isArray(current) && /^\d+$/.test(name) ? Number(name) : name;
    segments.push(segment);
    current =
      isRecord(current) || Array.isArray(current)
        ? (current as Record<string, unknown>)[name]
        : undefined;
  }
  return segments;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const parent: unknown = error.parentSchema;
      const props: unknown = isRecord(parent) ? parent.properties : undefined;
      const known = isRecord(props) ? Object.keys(props) : [];
      return known.length > 0
        ? `unknown key (expected one of: ${known.join(', ')})`
        : 'unknown key';
    }
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      if (params.pattern === '\\S') return 'must not be empty';
      if (String(params.pattern).includes('\\d{4}')) return 'must be a date written YYYY-MM-DD';
      return `must match ${String(params.pattern)}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Checks `data` against a JSON Schema (ajv); problem paths start with `base`. */
export function schemaProblems(
  schema: object,
  data: unknown,
  base: ObjectPath = [],
): SchemaProblem[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    const path = [...base, ...segmentsOf(error.instancePath, data)];
    const params = error.params as Record<string, unknown>;
    const extra =
      error.keyword === 'additionalProperties' ? params.additionalProperty : params.missingProperty;
    if (typeof extra === 'string') path.push(extra);
    const problem = {
      path,
      key: error.keyword === 'additionalProperties',
      message: describe(error),
    };
    const id = `${formatPath(path)}\u0000${problem.message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  return problems;
}

/** One `E_CONFIG` error listing every problem as `file:line:col: config.path: message`. */
export function configError(source: YamlSource, problems: readonly SchemaProblem[]): KubewardError {
  const lines = problems.slice(0, 20).map((p) => {
    const where = source.where(p.path, p.key || p.message === 'is required');
    return `${where}: ${formatPath(p.path) || '(top level)'}: ${p.message}`;
  });
  return new KubewardError('E_CONFIG', lines.join('\n'));
}
