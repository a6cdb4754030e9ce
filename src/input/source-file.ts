import { LineIndex } from './line-index.ts';
import type { PositionIndex } from './position-index.ts';
import type { DocumentSlice } from './split-documents.ts';

/** A scanned file (or stdin) with its text and its documents, kept to resolve positions later. */
export class SourceFile {
  /** Path as shown to the user: relative to the working directory when inside it. */
  readonly path: string;
  readonly text: string;
  readonly documents: readonly DocumentSlice[];
  /** Decoded value and positions captured by the fast parse, by document index. */
  readonly positions = new Map<number, { root: unknown; index: PositionIndex }>();
  #lines: LineIndex | undefined;

  constructor(path: string, text: string, documents: readonly DocumentSlice[]) {
    this.path = path;
    this.text = text;
    this.documents = documents;
  }

  get lines(): LineIndex {
    this.#lines ??= new LineIndex(this.text);
    return this.#lines;
  }
}
