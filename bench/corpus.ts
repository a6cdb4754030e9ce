import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitDocuments } from '../src/input/split-documents.ts';

/** The real-world corpus (../shared/corpus/real), read once into memory so benches time no I/O. */
export const REAL_CORPUS = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));
/** Kubernetes' own Pod Security fixtures (../shared/corpus/pss), every version. */
export const PSS_CORPUS = fileURLToPath(new URL('../../shared/corpus/pss/', import.meta.url));

export function readCorpusTexts(root = REAL_CORPUS): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) {
        out.push({ path: path.relative(root, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

/** Every YAML document of the corpus under `root`: its file, its index in the file, its text. */
export function readCorpusDocuments(
  root = REAL_CORPUS,
): { path: string; index: number; text: string }[] {
  return readCorpusTexts(root).flatMap(({ path: file, text }) =>
    splitDocuments(text).map((slice) => ({ path: file, index: slice.index, text: slice.text })),
  );
}
