import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { json } from '../report/json.ts';
import { hostPidRule, privilegedRule } from '../../test/helpers/fix-rules.ts';
import { baselineSuppressor, readBaseline } from './baseline.ts';

const pod = (name: string, privileged: boolean) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  hostPID: true\n  containers:\n  - name: c\n    securityContext: {privileged: ${privileged}}\n`;

function scan(text: string, suppressors: Parameters<typeof scanLoaded>[1]['suppressors'] = []) {
  return scanLoaded(loadTexts([{ path: 'm.yaml', text }], DEFAULT_LOAD_OPTIONS), {
    rules: [hostPidRule, privilegedRule],
    settings: defaultSettings(),
    suppressors,
  });
}

const ctx = { color: false, cwd: '/', rules: [], toolVersion: '0.0.0', failOn: 'high' as const };

describe('baseline', () => {
  it('suppresses the findings of a saved JSON report and reports only new ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-baseline-'));
    const old = `${pod('a', true)}---\n${pod('b', false)}`;
    writeFileSync(path.join(dir, 'baseline.json'), json(scan(old), ctx));
    const baseline = readBaseline('baseline.json', dir);
    expect(baseline.fingerprints.size).toBe(3);
    const now = `${pod('a', true)}---\n${pod('b', true)}`;
    const result = scan(now, [baselineSuppressor(baseline)]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.object.name}`)).toEqual(['t-privileged b']);
    expect(result.suppressed.map((f) => f.suppressions)).toEqual([
      [{ kind: 'baseline', reason: 'in baseline baseline.json' }],
      [{ kind: 'baseline', reason: 'in baseline baseline.json' }],
      [{ kind: 'baseline', reason: 'in baseline baseline.json' }],
    ]);
    // A report made with --baseline can serve as the next baseline.
    writeFileSync(path.join(dir, 'next.json'), json(result, ctx));
    expect(readBaseline('next.json', dir).fingerprints.size).toBe(4);
  });

  it('keeps findings suppressed by other means out of the baseline', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-baseline-'));
    const report = {
      findings: [{ fingerprint: 'f1' }],
      suppressed: [
        {
          fingerprint: 'f2',
          suppressions: [{ kind: 'ignoreFile', reason: 'r', expires: '2020-01-01' }],
        },
        { fingerprint: 'f3', suppressions: [{ kind: 'baseline', reason: 'r' }] },
      ],
    };
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(report));
    expect([...readBaseline('r.json', dir).fingerprints]).toEqual(['f1', 'f3']);
  });

  it('rejects files that are not JSON reports', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-baseline-'));
    writeFileSync(path.join(dir, 'x.json'), '{"runs": []}');
    writeFileSync(path.join(dir, 'y.json'), 'not json');
    expect(() => readBaseline('x.json', dir)).toThrow('x.json is not a kubeward JSON report');
    expect(() => readBaseline('y.json', dir)).toThrow(/cannot read the baseline y\.json/);
    expect(() => readBaseline('z.json', dir)).toThrow(/cannot read the baseline z\.json/);
  });
});
