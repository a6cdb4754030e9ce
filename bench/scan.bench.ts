import jsYaml from 'js-yaml';
import { test } from 'vitest';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../src/input/index.ts';
import { reporters } from '../src/report/index.ts';
import { allRules } from '../src/rules/index.ts';
import { readCorpusTexts } from './corpus.ts';

// The floor is a bare fast parse of the same texts; the target is a full scan within 1.5× of it.
const texts = readCorpusTexts();
const settings = defaultSettings();
const ctx = { color: false, cwd: '/', rules: [], toolVersion: 'bench', failOn: 'high' as const };

test(
  `corpus/real: ${texts.length} files, every rule, against the parse floor`,
  { timeout: 600_000 },
  async ({ bench }) => {
    await bench.compare(
      bench('parse floor (js-yaml loadAll)', () => {
        for (const { text } of texts) {
          try {
            jsYaml.loadAll(text);
          } catch {
            // A few documents are invalid for js-yaml's defaults; the floor just skips them.
          }
        }
      }),
      bench('kubeward scan (load + all rules + JSON report)', () => {
        const loaded = loadTexts(texts, DEFAULT_LOAD_OPTIONS);
        reporters.json(scanLoaded(loaded, { rules: allRules, settings }), ctx);
      }),
      { time: 0, iterations: 10, warmupIterations: 2 },
    );
  },
);
