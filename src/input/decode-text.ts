/** A file's bytes decoded as text, with what was wrong with them. */
export interface DecodedText {
  text: string;
  /** Offsets (in `text`) of bytes that were not valid UTF-8, replaced by U+FFFD. */
  invalidOffsets: number[];
  /** Offset of the first NUL character, when the file looks binary. */
  binaryAt?: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes UTF-8 as go-yaml expects it. A NUL byte marks binary data (YAML forbids it); invalid
 * sequences are located so that only the documents containing them are dropped.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lenient.decode(bytes.subarray(0, nul));
    return { text: before, invalidOffsets: [], binaryAt: before.length };
  }
  try {
    return { text: strict.decode(bytes), invalidOffsets: [] };
  } catch {
    const text = lenient.decode(bytes);
    const invalidOffsets: number[] = [];
    for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
      invalidOffsets.push(at);
    }
    return { text, invalidOffsets };
  }
}
