import picomatch from 'picomatch';
import type { Diagnostic, ObjectPath, Suppression } from '../engine/finding.ts';
import type { Suppressor } from '../engine/run.ts';
import type { Locator } from '../input/locate.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { annotationsOf, describeRef, isRecord } from '../model/kube-object.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import { containerNameOf } from './container-of.ts';

/** `kubeward.io/ignore: "RULE[,RULE]: reason"`; `kubeward.io/ignore.<container>` for one container. */
export const IGNORE_ANNOTATION = 'kubeward.io/ignore';

export type ParsedIgnore = { rules: string[]; reason: string } | { error: string };

/** Parses an annotation value: rule ids or globs before the first `:`, a required reason after it. */
export function parseIgnoreAnnotation(value: string): ParsedIgnore {
  const colon = value.indexOf(':');
  if (colon === -1) return { error: 'no reason: write "RULE-ID[,RULE-ID]: reason"' };
  const rules = value
    .slice(0, colon)
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const reason = value.slice(colon + 1).trim();
  if (rules.length === 0) return { error: 'no rule id before ":"' };
  if (reason === '') return { error: 'the reason after ":" is empty' };
  return { rules, reason };
}

interface Found {
  key: string;
  value: string;
  /** Path of the annotation inside the object. */
  path: ObjectPath;
}

/** The ignore annotations of an object and of its pod template (pods created from it carry them). */
function ignoreAnnotations(item: ScanObject): Found[] {
  const found: Found[] = [];
  const add = (annotations: Record<string, unknown>, base: ObjectPath) => {
    for (const [key, value] of Object.entries(annotations)) {
      if (typeof value !== 'string') continue;
      if (key === IGNORE_ANNOTATION || key.startsWith(`${IGNORE_ANNOTATION}.`)) {
        found.push({ key, value, path: [...base, 'annotations', key] });
      }
    }
  };
  add(annotationsOf(item.object), ['metadata']);
  const pod = podSpecOf(item.object);
  // A Pod is its own template: its metadata was read above.
  if (pod !== undefined && pod.metadataPath.length > 1 && isRecord(pod.metadata.annotations)) {
    add(pod.metadata.annotations, pod.metadataPath);
  }
  return found;
}

/**
 * Suppresses findings named by `kubeward.io/ignore` annotations: the object-wide one, or the one for
 * the container a finding is about. Annotations without a reason are not honoured.
 */
export const annotationSuppressor: Suppressor = (finding, item) => {
  const container = containerNameOf(item.object, finding.path);
  for (const { key, value } of ignoreAnnotations(item)) {
    if (key !== IGNORE_ANNOTATION && key !== `${IGNORE_ANNOTATION}.${container ?? ''}`) continue;
    const parsed = parseIgnoreAnnotation(value);
    if ('error' in parsed) continue;
    if (parsed.rules.some((rule) => picomatch(rule, { dot: true })(finding.ruleId))) {
      const suppression: Suppression = { kind: 'annotation', reason: parsed.reason };
      return suppression;
    }
  }
  return undefined;
};

/** `W_IGNORE_ANNOTATION_INVALID` for each ignore annotation that cannot be honoured, with its position. */
export function annotationDiagnostics(
  objects: readonly ScanObject[],
  locator: Locator,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const item of objects) {
    for (const { key, value, path } of ignoreAnnotations(item)) {
      const parsed = parseIgnoreAnnotation(value);
      if (!('error' in parsed)) continue;
      const at = locator.locate(item.origin, path);
      diagnostics.push({
        code: 'W_IGNORE_ANNOTATION_INVALID',
        level: 'warning',
        message: `annotation ${key} on ${describeRef(item.ref)} is not honoured: ${parsed.error}`,
        ...(at === undefined ? {} : { file: at.file, line: at.line, column: at.column }),
      });
    }
  }
  return diagnostics;
}
