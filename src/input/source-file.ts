import type { ObjectPath } from '../engine/finding.ts';
import { BlockLocator } from './block-locate.ts';
import type { BlockRange } from './block-locate.ts';
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
  readonly #blocks = new Map<number, BlockLocator>();
  /** The decoded value of each document, as the loader read it. */
  readonly #decoded = new Map<number, unknown>();
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

  /** Keeps a document's decoded value: positions are found by walking it beside the text. */
  keepDecoded(documentIndex: number, value: unknown): void {
    this.#decoded.set(documentIndex, value);
  }

  /**
   * The range of a path read from the document's block-style text, beside its decoded value;
   * undefined when the text is not written in a way the block reader follows.
   */
  blockRange(documentIndex: number, path: ObjectPath): BlockRange | undefined {
    if (!this.#decoded.has(documentIndex)) return undefined;
    let block = this.#blocks.get(documentIndex);
    if (block === undefined) {
      const slice = this.documents[documentIndex];
      if (slice === undefined) return undefined;
      block = new BlockLocator(slice.text);
      this.#blocks.set(documentIndex, block);
    }
    return block.locate(this.#decoded.get(documentIndex), path);
  }

  get lines(): LineIndex {
    this.#lines ??= new LineIndex(this.text);
    return this.#lines;
  }
}
