import type { Finding, FixOperation, ObjectPath } from '../engine/finding.ts';
import type { LoadResult } from '../input/load.ts';
import type { SourceFile } from '../input/source-file.ts';
import type { DocumentSlice } from '../input/split-documents.ts';
import type { ObjectRef } from '../engine/finding.ts';

/** The source a finding's fix edits: one document of one file, and the object's path inside it. */
export interface FixTarget {
  file: SourceFile;
  document: DocumentSlice;
  /** `[]`, or `['items', i]` for a List item. */
  prefix: ObjectPath;
}

/** The operations to apply for a finding: `fix`, then `suggest` when unsafe fixes are allowed. */
export function operationsOf(finding: Finding, unsafe: boolean): FixOperation[] {
  return [...(finding.fix ?? []), ...(unsafe ? (finding.suggest ?? []) : [])];
}

function refKey(file: string, ref: ObjectRef): string {
  return [file, ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('\u0000');
}

/**
 * Finds the object a finding is about among loaded files: by file and identity, and when one file
 * holds two objects of that identity, by the document that contains the finding's position.
 * With `file`, every finding is taken to be about that file (a single text being fixed).
 */
export function fixTargets(
  loaded: LoadResult,
  file?: string,
): (finding: Finding) => FixTarget | undefined {
  const byRef = new Map<
    string,
    { file: SourceFile; document: DocumentSlice; prefix: ObjectPath }[]
  >();
  for (const item of loaded.objects) {
    const origin = item.origin;
    if (origin.source !== 'file') continue;
    const source = loaded.files.get(origin.file);
    const document = source?.documents[origin.documentIndex];
    if (source === undefined || document === undefined) continue;
    const key = refKey(origin.file, item.ref);
    const list = byRef.get(key) ?? [];
    list.push({ file: source, document, prefix: origin.pathPrefix });
    byRef.set(key, list);
  }
  return (finding) => {
    const location = finding.location;
    const name = file ?? location?.file;
    if (name === undefined) return undefined;
    const candidates = byRef.get(refKey(name, finding.object)) ?? [];
    if (candidates.length <= 1 || location === undefined) return candidates[0];
    return candidates.find((c) => {
      const offset = c.file.lines.lineStart(location.line) + location.column - 1;
      return offset >= c.document.start && offset <= c.document.start + c.document.text.length;
    });
  };
}
