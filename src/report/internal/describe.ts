import path from 'node:path';
import { SEVERITIES } from '../../engine/finding.ts';
import type {
  DiagnosticLevel,
  Finding,
  ObjectPath,
  ObjectRef,
  Severity,
} from '../../engine/finding.ts';
import type { ScanResult } from '../context.ts';

/** `Deployment/prod/web` for namespaced objects, `ClusterRole/admin` for cluster-scoped ones. */
export function objectIdentity(ref: ObjectRef): string {
  return ref.namespace === undefined || ref.namespace === ''
    ? `${ref.kind}/${ref.name}`
    : `${ref.kind}/${ref.namespace}/${ref.name}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `spec.containers[0].securityContext.privileged`; keys that are not identifiers (label and annotation
 * keys) are quoted: `metadata.annotations["kubeward.io/ignore"]`.
 */
export function pathToString(objectPath: ObjectPath): string {
  let out = '';
  for (const segment of objectPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * A file name relative to `cwd`, with `/` separators. A name that is already relative is kept as
 * the user gave it (`../deploy/app.yaml`); an absolute one outside `cwd` stays absolute.
 */
export function relativeFile(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return path.normalize(file).split(path.sep).join('/');
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return absolute.split(path.sep).join('/');
  }
  return relative.split(path.sep).join('/');
}

/** True when `relativeFile` had to keep the absolute path. */
export function isOutside(cwd: string, file: string): boolean {
  return path.isAbsolute(relativeFile(cwd, file));
}

export interface Summary {
  findings: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  files: number;
  objects: number;
  diagnostics: Record<DiagnosticLevel, number>;
}

export function summarize(result: ScanResult): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of result.findings) bySeverity[finding.severity] += 1;
  const diagnostics: Record<DiagnosticLevel, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of result.diagnostics) diagnostics[diagnostic.level] += 1;
  return {
    findings: result.findings.length,
    bySeverity,
    suppressed: result.suppressed.length,
    files: result.stats.files,
    objects: result.stats.objects,
    diagnostics,
  };
}

/** `1 finding`, `2 findings`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Findings grouped by key, groups in order of first appearance (the engine already sorted them). */
export function groupBy<K>(
  findings: readonly Finding[],
  key: (f: Finding) => K,
): Map<K, Finding[]> {
  const groups = new Map<K, Finding[]>();
  for (const finding of findings) {
    const k = key(finding);
    const group = groups.get(k);
    if (group) group.push(finding);
    else groups.set(k, [finding]);
  }
  return groups;
}

/** The value cached under `key`, made and stored on first use. */
export function cachedIn<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
