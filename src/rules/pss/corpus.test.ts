import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../../engine/scan.ts';
import { defaultSettings } from '../../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../../input/index.ts';
import { LATEST_MINOR, PSS_CHECKS, activeChecks, parseVersion } from '../../pss/index.ts';
import { pssRuleIdByCheck, pssRules } from './index.ts';

// The pss-* rules, through the real loader and engine, over upstream's fixtures read in place.
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/pss', import.meta.url));
const CHECK_BY_PREFIX = new Map(PSS_CHECKS.map((c) => [c.id.toLowerCase(), c.id]));

function scan(dir: string, level: 'baseline' | 'restricted', version: string) {
  const texts = readdirSync(dir).map((file) => ({
    path: file,
    text: readFileSync(`${dir}/${file}`, 'utf8'),
  }));
  const loaded = loadTexts(texts, DEFAULT_LOAD_OPTIONS);
  const settings = defaultSettings({ pss: { level, version } });
  return {
    files: texts.map((t) => t.path),
    result: scanLoaded(loaded, { rules: pssRules, settings }),
  };
}

// Every version where some check gains a revision, the version before it, and the newest.
const VERSIONS = new Set(
  PSS_CHECKS.flatMap((c) => c.versions.flatMap((r) => [r.minVersion - 1, r.minVersion]))
    .concat(LATEST_MINOR)
    .filter((minor) => minor >= 0)
    .map((minor) => `v1.${minor}`),
);

describe('pss-* rules over the upstream fixtures', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (const dir of readdirSync(`${CORPUS}/${level}`).filter((d) => VERSIONS.has(d))) {
      it(`${level} ${dir}`, () => {
        const version = parseVersion(dir);
        if (version === undefined) throw new Error(dir);
        const pass = scan(`${CORPUS}/${level}/${dir}/pass`, level, dir);
        expect(pass.result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
        expect(pass.result.findings.map((f) => `${f.location?.file ?? ''} ${f.ruleId}`)).toEqual(
          [],
        );
        const fail = scan(`${CORPUS}/${level}/${dir}/fail`, level, dir);
        const missing: string[] = [];
        for (const file of fail.files) {
          const id = CHECK_BY_PREFIX.get(file.replace(/\d*\.yaml$/, '')) ?? '';
          const accepted = new Set([id]);
          for (const active of activeChecks(level, version)) {
            if (active.revision.overrides?.includes(id) === true)
              accepted.add(active.definition.id);
          }
          const rules = new Set([...accepted].map((c) => pssRuleIdByCheck.get(c)));
          const hit = fail.result.findings.some(
            (f) => f.location?.file === file && rules.has(f.ruleId) && f.location.line > 0,
          );
          if (!hit) missing.push(file);
        }
        expect(missing).toEqual([]);
      });
    }
  }
});
