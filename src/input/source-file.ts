import { LineIndex } from './line-index.ts';
import { parsePositions } from './parse-document.ts';
import type { DocumentPositions, ParseLimits } from './parse-document.ts';
import type { DocumentSlice } from './split-documents.ts';

/** A scanned file (or stdin) with its text and its documents, kept to resolve positions later. */
export class SourceFile {
  /** Path as shown to the user: relative to the working directory when inside it. */
  readonly path: string;
  readonly text: string;
  readonly documents: readonly DocumentSlice[];
  readonly #limits: ParseLimits;
  /** Positions of the documents asked about so far (undefined: the fast parser could not). */
  readonly #positions = new Map<number, DocumentPositions | undefined>();
  #lines: LineIndex | undefined;

  constructor(
    path: string,
    text: string,
    documents: readonly DocumentSlice[],
    /** The limits the document was first loaded with; the positions parse uses the same. */
    limits: ParseLimits,
  ) {
    this.path = path;
    this.text = text;
    this.documents = documents;
    this.#limits = limits;
  }

  /** Node positions of one document, parsed on first use (only documents with findings pay). */
  positions(documentIndex: number): DocumentPositions | undefined {
    if (this.#positions.has(documentIndex)) return this.#positions.get(documentIndex);
    const slice = this.documents[documentIndex];
    const positions = slice === undefined ? undefined : parsePositions(slice.text, this.#limits);
    this.#positions.set(documentIndex, positions);
    return positions;
  }

  get lines(): LineIndex {
    this.#lines ??= new LineIndex(this.text);
    return this.#lines;
  }
}
