import type { Document, Node, Pair } from 'yaml';
import type { ObjectPath, SourceLocation } from '../engine/finding.ts';
import type { Origin } from '../model/kube-object.ts';
import type { SourceFile } from './source-file.ts';
import { trimSpan } from './position-index.ts';
import { yamlLibrary } from './yaml-library.ts';

/**
 * Resolves object paths to source ranges. Block-style YAML is read by its indentation; anything
 * else re-parses, with positions, only the documents asked about.
 */
export class Locator {
  readonly #files: ReadonlyMap<string, SourceFile>;
  readonly #parsed = new Map<string, Document>();

  constructor(files: ReadonlyMap<string, SourceFile>) {
    this.#files = files;
  }

  /**
   * The range of the field at `path`: a scalar value's own range, or the key of a collection; for
   * a missing field, that of its closest existing ancestor with `exact: false`.
   */
  locate(origin: Origin, path: ObjectPath): SourceLocation | undefined {
    if (origin.source !== 'file') return undefined;
    const file = this.#files.get(origin.file);
    const slice = file?.documents[origin.documentIndex];
    if (file === undefined || slice === undefined) return undefined;
    const fullPath = origin.pathPrefix.length === 0 ? path : [...origin.pathPrefix, ...path];
    const range =
      file.blockRange(origin.documentIndex, fullPath) ??
      this.#parsedRange(file, origin.documentIndex, fullPath);
    const start = file.lines.position(slice.start + range.start);
    const end = file.lines.position(slice.start + range.end);
    return {
      file: file.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      exact: range.exact,
    };
  }

  #parsedRange(file: SourceFile, documentIndex: number, fullPath: ObjectPath): Range {
    const text = file.documents[documentIndex]?.text ?? '';
    const captured = file.positions(documentIndex);
    const fast = captured?.index.find(captured.root, fullPath);
    return fast === undefined
      ? findRange(this.#document(file.path, documentIndex, text), fullPath)
      : { ...trimSpan(text, fast.start, fast.end), exact: fast.exact };
  }

  #document(file: string, index: number, text: string): Document {
    const key = `${index}\u0000${file}`;
    let doc = this.#parsed.get(key);
    if (doc === undefined) {
      doc = yamlLibrary().parseDocument(text, {
        version: '1.1',
        uniqueKeys: false,
        keepSourceTokens: false,
      });
      this.#parsed.set(key, doc);
    }
    return doc;
  }
}

interface Range {
  start: number;
  end: number;
  exact: boolean;
}

function findRange(doc: Document, path: ObjectPath): Range {
  const { isCollection, isPair } = yamlLibrary();
  let node: Node | null = doc.contents;
  let keyOfNode: Node | null = null;
  let exact = true;
  for (const segment of path) {
    node = resolveAlias(doc, node);
    const next = child(node, segment);
    if (next === undefined) {
      exact = false;
      break;
    }
    node = next.value;
    keyOfNode = next.key;
  }
  node = resolveAlias(doc, node);
  const target = !isCollection(node) || keyOfNode === null ? (node ?? keyOfNode) : keyOfNode;
  const range = target?.range ?? [0, 0, 0];
  if (isCollection(target) && target.items.length > 0) {
    // A collection without a key (a list item, the document root): point at its first entry.
    const first: unknown = target.items[0];
    const firstNode = isPair(first) ? (first.key as Node | null) : (first as Node | null);
    const firstRange = firstNode?.range;
    if (firstRange) return { start: firstRange[0], end: firstRange[1], exact };
  }
  return { start: range[0], end: range[1], exact };
}

function child(
  node: Node | null,
  segment: string | number,
): { key: Node | null; value: Node | null } | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    const wanted = String(segment);
    // The last duplicate wins, as in the decoded object.
    let found: Pair | undefined;
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) ? String(key.value) === wanted : false) found = pair;
    }
    if (found === undefined) return undefined;
    return { key: found.key as Node | null, value: found.value as Node | null };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { key: null, value: item };
  }
  return undefined;
}

function resolveAlias(doc: Document, node: Node | null): Node | null {
  return yamlLibrary().isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? node) : node;
}
