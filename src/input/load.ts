import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { isKubeObject, isRecord, refOf } from '../model/kube-object.ts';
import { decodeText } from './decode-text.ts';
import type { DecodedText } from './decode-text.ts';
import { kindsDefinedByCrds, unknownKindReason } from './known-kinds.ts';
import { parseYamlDocument } from './parse-document.ts';
import type { ParseProblem } from './parse-document.ts';
import { LineIndex } from './line-index.ts';
import { SourceFile } from './source-file.ts';
import { splitDocuments } from './split-documents.ts';
import type { DocumentSlice } from './split-documents.ts';

export interface LoadOptions {
  cwd: string;
  /** Files larger than this are skipped with a diagnostic. */
  maxFileSize: number;
  maxDepth: number;
  maxAliasExpansion: number;
  /** Reads standard input when a target is `-`. */
  readStdin?: () => Promise<Uint8Array>;
}

export const DEFAULT_LOAD_OPTIONS: Omit<LoadOptions, 'cwd'> = {
  maxFileSize: 32 * 1024 * 1024,
  maxDepth: 200,
  maxAliasExpansion: 100,
};

export interface LoadResult {
  objects: ScanObject[];
  diagnostics: Diagnostic[];
  /** Scanned files by display path, to resolve finding positions. */
  files: Map<string, SourceFile>;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
// Kubeward's own config and ignore files sit beside manifests but are not Kubernetes objects.
const SKIPPED_FILES = new Set([
  '.kubeward.yaml',
  '.kubeward.yml',
  '.kubewardignore.yaml',
  '.kubewardignore.yml',
]);

/**
 * Reads files, directories (recursively: `.yaml`, `.yml`, `.json`) and `-` for stdin into scan
 * objects. Bad input becomes diagnostics; only a missing path is an error.
 */
export async function loadSources(
  targets: readonly string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const result: LoadResult = { objects: [], diagnostics: [], files: new Map() };
  for (const target of targets) {
    if (target === '-') {
      const bytes = options.readStdin === undefined ? new Uint8Array() : await options.readStdin();
      loadBytes('<stdin>', bytes, options, result);
      continue;
    }
    const root = path.resolve(options.cwd, target);
    for (const file of expand(root, target)) {
      const shown = displayPath(file, root, target, options.cwd);
      const size = statSync(file).size;
      if (size > options.maxFileSize) {
        result.diagnostics.push({
          code: 'E_FILE_TOO_LARGE',
          level: 'error',
          message: `file is ${size} bytes, over the limit of ${options.maxFileSize} (--max-file-size); skipped`,
          file: shown,
          line: 1,
          column: 1,
        });
        continue;
      }
      loadBytes(shown, readFileSync(file), options, result);
    }
  }
  reportUnknownKinds(result);
  return result;
}

/** Loads in-memory texts (tests, admission, stdin-like sources) exactly as files are loaded. */
export function loadTexts(
  entries: readonly { path: string; text: string }[],
  options: Omit<LoadOptions, 'cwd'>,
): LoadResult {
  const result: LoadResult = { objects: [], diagnostics: [], files: new Map() };
  const full = { ...options, cwd: '/' };
  for (const entry of entries) {
    // Already text: no bytes to decode, but as the decoder does, drop a byte-order mark, and a
    // NUL still marks binary data.
    const text = entry.text.startsWith('\uFEFF') ? entry.text.slice(1) : entry.text;
    const nul = text.indexOf('\u0000');
    const decoded: DecodedText =
      nul === -1
        ? { text, invalidOffsets: [] }
        : { text: text.slice(0, nul), invalidOffsets: [], binaryAt: nul };
    loadDecoded(entry.path, decoded, full, result);
  }
  reportUnknownKinds(result);
  return result;
}

function expand(absolute: string, asGiven: string): string[] {
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new KubewardError('E_INPUT', `no such file or directory: ${asGiven}`);
  }
  if (!stats.isDirectory()) return [absolute];
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (
        entry.isFile() &&
        MANIFEST_EXTENSIONS.has(path.extname(entry.name)) &&
        !SKIPPED_FILES.has(entry.name)
      ) {
        found.push(full);
      }
    }
  };
  walk(absolute);
  return found;
}

/**
 * How a file is named in reports: relative to the working directory when inside it; else as the
 * user named its target (`../deploy/x.yaml`), absolute only when the target was absolute.
 */
function displayPath(file: string, root: string, target: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  if (path.isAbsolute(target)) return file;
  return path.join(target, path.relative(root, file));
}

function loadBytes(
  shown: string,
  bytes: Uint8Array,
  options: Omit<LoadOptions, 'cwd'>,
  result: LoadResult,
): void {
  loadDecoded(shown, decodeText(bytes), options, result);
}

function loadDecoded(
  shown: string,
  decoded: DecodedText,
  options: Omit<LoadOptions, 'cwd'>,
  result: LoadResult,
): void {
  if (decoded.binaryAt !== undefined) {
    // `text` holds what precedes the NUL byte: enough to say where it is.
    const position = new LineIndex(decoded.text).position(decoded.binaryAt);
    result.diagnostics.push({
      code: 'E_BINARY_FILE',
      level: 'error',
      message: 'file contains a NUL byte: binary data, not YAML or JSON; skipped',
      file: shown,
      ...position,
    });
    return;
  }
  const text = decoded.text.startsWith('\uFEFF') ? ` ${decoded.text.slice(1)}` : decoded.text;
  const documents = isJsonFile(shown, text) ? [{ index: 0, start: 0, text }] : splitDocuments(text);
  const file = new SourceFile(shown, text, documents, options);
  result.files.set(shown, file);
  for (const offset of decoded.invalidOffsets.slice(0, 1)) {
    result.diagnostics.push({
      code: 'E_INVALID_UTF8',
      level: 'error',
      message: 'invalid UTF-8; documents containing it are skipped',
      file: shown,
      ...file.lines.position(offset),
    });
  }
  for (const doc of documents) {
    const end = doc.start + doc.text.length;
    if (decoded.invalidOffsets.some((offset) => offset >= doc.start && offset < end)) continue;
    loadDocument(file, doc, options, result);
  }
}

function isJsonFile(shown: string, text: string): boolean {
  return shown.endsWith('.json') && /^\s*[{[]/.test(text);
}

function loadDocument(
  file: SourceFile,
  doc: DocumentSlice,
  options: Omit<LoadOptions, 'cwd'>,
  result: LoadResult,
): void {
  let value: unknown;
  let problems: ParseProblem[] = [];
  if (isJsonFile(file.path, doc.text)) {
    try {
      value = JSON.parse(doc.text);
    } catch {
      ({ value, problems } = parseYamlDocument(doc.text, options));
    }
  } else {
    ({ value, problems } = parseYamlDocument(doc.text, options));
  }
  for (const problem of problems) {
    const start = file.lines.position(doc.start + problem.offset);
    const end = file.lines.position(doc.start + (problem.endOffset ?? problem.offset));
    result.diagnostics.push({
      code: problem.code,
      level: problem.level,
      message: problem.message,
      file: file.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  if (value === undefined || value === null) return;
  file.keepDecoded(doc.index, value);
  addObjects(value, file, doc, result);
}

function addObjects(
  value: unknown,
  file: SourceFile,
  doc: DocumentSlice,
  result: LoadResult,
): void {
  const at = () => ({
    file: file.path,
    ...file.lines.position(doc.start + firstContent(doc.text)),
  });
  if (!isRecord(value)) {
    result.diagnostics.push({
      code: 'W_NOT_AN_OBJECT',
      level: 'warning',
      message: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object; skipped`,
      ...at(),
    });
    return;
  }
  if (!isKubeObject(value)) {
    result.diagnostics.push({
      code: 'W_MISSING_KIND',
      level: 'warning',
      message: 'document has no apiVersion or kind: not a Kubernetes object; skipped',
      ...at(),
    });
    return;
  }
  const items = value.items;
  if (value.kind.endsWith('List') && Array.isArray(items)) {
    const itemKind = value.kind.slice(0, -'List'.length);
    items.forEach((item: unknown, i) => {
      // Typed lists (PodList) may omit kind/apiVersion on items; `List` items carry their own.
      const object: unknown =
        isRecord(item) && itemKind !== '' && item.kind === undefined
          ? { apiVersion: value.apiVersion, kind: itemKind, ...item }
          : item;
      if (isKubeObject(object)) push(object, file, doc, ['items', i], result);
      else
        result.diagnostics.push({
          code: 'W_MISSING_KIND',
          level: 'warning',
          message: `item ${i} of the ${value.kind} has no apiVersion or kind; skipped`,
          ...at(),
        });
    });
    return;
  }
  push(value, file, doc, [], result);
}

function push(
  object: KubeObject,
  file: SourceFile,
  doc: DocumentSlice,
  pathPrefix: (string | number)[],
  result: LoadResult,
): void {
  result.objects.push({
    object,
    ref: refOf(object),
    origin: { source: 'file', file: file.path, documentIndex: doc.index, pathPrefix },
    seq: result.objects.length,
  });
}

function firstContent(text: string): number {
  const match = /^[ \t]*[^\s#]/m.exec(text);
  return match === null ? 0 : match.index + match[0].length - 1;
}

function reportUnknownKinds(result: LoadResult): void {
  const crdKinds = kindsDefinedByCrds(result.objects.map((o) => o.object));
  for (const item of result.objects) {
    const reason = unknownKindReason(item.object, crdKinds);
    if (reason === undefined || item.origin.source !== 'file') continue;
    const file = result.files.get(item.origin.file);
    const doc = file?.documents[item.origin.documentIndex];
    const position =
      file && doc
        ? file.lines.position(doc.start + firstContent(doc.text))
        : { line: 1, column: 1 };
    result.diagnostics.push({
      code: 'I_UNKNOWN_KIND',
      level: 'info',
      message: reason,
      file: item.origin.file,
      ...position,
    });
  }
}
