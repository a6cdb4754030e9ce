import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixCommand } from '../src/cli/fix.ts';
import { capturedIo } from '../src/cli/__fixtures__/captured-io.ts';
import { planScan } from '../src/config/scan-plan.ts';
import type { Finding, ObjectPath } from '../src/engine/finding.ts';
import type { AnyRule } from '../src/engine/rule.ts';
import { scanLoaded } from '../src/engine/scan.ts';
import type { ScanSettings } from '../src/engine/settings.ts';
import { fixSources, operationsOf } from '../src/fix/index.ts';
import type { FixSourcesResult, PlannedFix } from '../src/fix/index.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources, loadTexts } from '../src/input/index.ts';
import type { LoadResult } from '../src/input/load.ts';
import { parseYamlDocument } from '../src/input/parse-document.ts';
import { isRecord } from '../src/model/kube-object.ts';
import { allRules } from '../src/rules/index.ts';
import { fixTestRules } from './helpers/fix-rules.ts';

// Copies of the insecure examples and of real projects; the corpus itself is never written.
const CORPUS = new URL('../../shared/corpus/real/', import.meta.url).pathname;
const EXAMPLES = new URL('../examples/insecure/', import.meta.url).pathname;
const PROJECTS = [
  'badpods',
  'kubernetes-goat',
  'vulnerable-kubernetes-deployments',
  'microservices-demo',
  'calico', // holds the same objects in several files: each copy is fixed
  'local-path-provisioner', // eight copies of one Pod
];

function copyInputs(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-fix-'));
  mkdirSync(path.join(dir, '.git')); // keeps config discovery inside the copy
  cpSync(EXAMPLES, path.join(dir, 'examples'), { recursive: true });
  for (const project of PROJECTS) {
    cpSync(path.join(CORPUS, project), path.join(dir, project), { recursive: true });
  }
  return dir;
}

const load = (dir: string) => loadSources(['.'], { ...DEFAULT_LOAD_OPTIONS, cwd: dir });
const reload = (files: readonly { path: string; text: string }[]) =>
  loadTexts(files, DEFAULT_LOAD_OPTIONS);
const scan = (loaded: LoadResult, rules: readonly AnyRule[], settings: ScanSettings) =>
  scanLoaded(loaded, { rules, settings: { ...settings, reportEveryCopy: true } }).findings;
const fixable = (findings: readonly Finding[]) =>
  findings.filter((f) => operationsOf(f, true).length > 0);
const describeFinding = (f: Finding) =>
  `${f.ruleId} ${f.location?.file ?? ''}:${f.location?.line ?? 0} ${f.message}`;

function child(node: unknown, segment: string | number): unknown {
  return isRecord(node) || Array.isArray(node)
    ? (node as Record<string, unknown>)[segment]
    : undefined;
}

/**
 * What each applied fix may change, per document (`file\0index`): its operation paths without
 * trailing sequence indices, cut at the first segment the document lacked when it was applied.
 */
function fixedPaths(applied: readonly PlannedFix[]): Map<string, ObjectPath[]> {
  const paths = new Map<string, ObjectPath[]>();
  for (const { target, ops } of applied) {
    const original = parseYamlDocument(target.document.text, DEFAULT_LOAD_OPTIONS).value;
    const key = `${target.file.path}\u0000${target.document.index}`;
    for (const op of ops) {
      let full = [...target.prefix, ...op.path];
      while (full.length > 0 && typeof full[full.length - 1] !== 'string') full = full.slice(0, -1);
      if (full[full.length - 1] === '-') full = full.slice(0, -1);
      let node: unknown = original;
      const cut = full.findIndex((segment) => (node = child(node, segment)) === undefined);
      paths.set(key, [...(paths.get(key) ?? []), cut === -1 ? full : full.slice(0, cut + 1)]);
    }
  }
  return paths;
}

function without(value: unknown, paths: readonly ObjectPath[]): unknown {
  const copy: unknown = structuredClone(value);
  for (const p of paths) {
    const parent = p.slice(0, -1).reduce<unknown>(child, copy);
    if (isRecord(parent) || Array.isArray(parent))
      Reflect.deleteProperty(parent, p[p.length - 1] ?? '');
  }
  return copy;
}

/** Every changed file parses to the same documents once the fixed paths are deleted from both. */
function expectSameExceptFixed(before: LoadResult, outcome: FixSourcesResult): number {
  const paths = fixedPaths(outcome.applied);
  let changed = 0;
  for (const [file, source] of before.files) {
    const text = outcome.files.get(file)?.after ?? source.text;
    if (text === source.text) continue;
    changed++;
    const fixed = reload([{ path: file, text }]).files.get(file);
    expect(fixed?.documents.length, file).toBe(source.documents.length);
    source.documents.forEach((doc, i) => {
      const parsed = parseYamlDocument(fixed?.documents[i]?.text ?? '', DEFAULT_LOAD_OPTIONS);
      expect(
        parsed.problems.filter((p) => p.level === 'error'),
        `${file} #${i}`,
      ).toEqual([]);
      const cut = paths.get(`${file}\u0000${i}`) ?? [];
      const original = parseYamlDocument(doc.text, DEFAULT_LOAD_OPTIONS).value;
      expect(without(parsed.value, cut), `${file} document ${i}`).toEqual(without(original, cut));
    });
  }
  return changed;
}

describe('kubeward fix --unsafe on copies of the examples and real projects', () => {
  let dir: string;
  let before: LoadResult;
  let library: FixSourcesResult;
  let status: number;
  let stderr = '';
  const plan = () => planScan(allRules, ['.'], {}, { cwd: dir, today: '2026-01-01' });

  beforeAll(async () => {
    dir = copyInputs();
    before = await load(dir);
    // The same fix run in memory, to know which fixes each pass applied.
    const { rules, settings } = plan();
    library = fixSources(before, { unsafe: true, scan: (l) => scan(l, rules, settings), reload });
    const { io, out } = capturedIo(dir);
    status = await fixCommand(['--unsafe', '.'], io);
    stderr = out.stderr;
  });

  it('applies every fix and lists each unsafe one', () => {
    expect(library.applied.length).toBeGreaterThan(0);
    expect(stderr.split('\n').filter((l) => l.includes('not fixed'))).toEqual([]);
    expect(status).toBe(0);
    const unsafe = library.applied.filter((f) => f.unsafe).length;
    expect(stderr.match(/unsafe fix applied/g)?.length).toBe(unsafe);
    for (const [file, { after }] of library.files) {
      expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(after);
    }
  });

  it('leaves no fixed finding behind on a re-scan', async () => {
    const after = fixable(scan(await load(dir), plan().rules, plan().settings));
    const fixed = new Set(library.applied.map((f) => f.finding.fingerprint));
    expect(after.filter((f) => fixed.has(f.fingerprint)).map(describeFinding)).toEqual([]);
    expect(after.map(describeFinding)).toEqual([]);
  });

  it('changes nothing but the fixed paths, and never writes into the corpus', () => {
    const files = new Set(library.applied.map((f) => f.target.file.path));
    expect(expectSameExceptFixed(before, library)).toBe(files.size);
    const corpusFile = path.join(CORPUS, 'badpods/manifests/priv/pod/priv-exec-pod.yaml');
    expect(readFileSync(corpusFile, 'utf8')).toContain('privileged: true');
  });
});

describe('fixSources with test-local rules of every edit kind, on the same inputs', () => {
  it('fixes everything, and changes nothing but the fixed paths', async () => {
    const dir = copyInputs();
    const rules = [...allRules, ...fixTestRules];
    const settings = planScan([], ['.'], {}, { cwd: dir, today: '2026-01-01' }).settings;
    const before = await load(dir);
    const outcome = fixSources(before, {
      unsafe: true,
      scan: (l) => scan(l, rules, settings),
      reload,
    });
    const kinds = new Set(outcome.applied.flatMap((f) => f.ops.map((op) => op.op)));
    expect([...kinds].sort()).toEqual(['add', 'remove', 'replace']);
    expect(outcome.applied.filter((f) => f.finding.ruleId.startsWith('t-')).length).toBeGreaterThan(
      100,
    );
    expect(outcome.failed.map((f) => `${describeFinding(f.finding)}: ${f.reason}`)).toEqual([]);
    const after = reload([...outcome.files].map(([p, f]) => ({ path: p, text: f.after })));
    expect(fixable(scan(after, rules, settings)).map(describeFinding)).toEqual([]);
    expectSameExceptFixed(before, outcome);
  });
});
