import jsYaml from 'js-yaml';
import { test } from 'vitest';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../src/input/index.ts';
import { reporters } from '../src/report/index.ts';
import { allRules } from '../src/rules/index.ts';
import { readCorpusTexts } from './corpus.ts';

// The floor is a bare fast parse of the same texts; the target is a full scan within 1.5× of it.
// Each variant runs the whole pipeline from the texts, so that no variant reuses another's work.
const texts = readCorpusTexts();
const settings = defaultSettings();
const ctx = { color: false, cwd: '/', rules: [], toolVersion: 'bench', failOn: 'high' as const };
const scan = () =>
  scanLoaded(loadTexts(texts, DEFAULT_LOAD_OPTIONS), { rules: allRules, settings });
// The foundation's rule set (a rule per Pod Security check, and namespaces without PSA labels).
const pssRules = allRules.filter((rule) => rule.meta.category === 'pod-security');

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
      bench('kubeward scan: load + all rules, findings located', () => {
        scan();
      }),
      bench(
        `kubeward scan: load + the ${pssRules.length} pod-security rules (the foundation set)`,
        () => {
          scanLoaded(loadTexts(texts, DEFAULT_LOAD_OPTIONS), { rules: pssRules, settings });
        },
      ),
      bench('kubeward scan + text report (the CLI default)', () => {
        reporters.text(scan(), ctx);
      }),
      bench('kubeward scan + JSON report (17 MB)', () => {
        reporters.json(scan(), ctx);
      }),
      { time: 0, iterations: 10, warmupIterations: 2 },
    );
  },
);
