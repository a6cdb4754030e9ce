import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { allRules } from './index.ts';
import { runRule } from '../../test/helpers/rule-tester.ts';
import type { AnyRule } from '../engine/rule.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.join(here, '../../docs/rules');
const HEADINGS = [
  'Rule Details',
  'Examples',
  'Options',
  'Remediation',
  'When Not To Use It',
  'References',
];

/** Rule source files: src/rules/<domain>/<rule-id>.ts (index.ts, tests and internal/ excluded). */
function ruleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const domain of readdirSync(here, { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const file of readdirSync(path.join(here, domain.name))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'index.ts') continue;
      files.set(file.slice(0, -3), path.join(here, domain.name, file));
    }
  }
  return files;
}

function frontmatter(doc: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(doc);
  if (match?.[1] === undefined) return {};
  return parseYaml(match[1]) as Record<string, unknown>;
}

/** Fenced yaml blocks that follow a ❌ or ✅ marker in the Examples section. */
function examples(doc: string): { bad: string[]; good: string[] } {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Examples')) ?? '';
  const bad: string[] = [];
  const good: string[] = [];
  let marker: 'bad' | 'good' | undefined;
  for (const part of section.split(/(```ya?ml\n[\s\S]*?```)/)) {
    if (part.startsWith('```')) {
      const yaml = part.replace(/^```ya?ml\n/, '').replace(/```$/, '');
      if (marker === 'bad') bad.push(yaml);
      if (marker === 'good') good.push(yaml);
      continue;
    }
    const lastBad = part.lastIndexOf('❌');
    const lastGood = part.lastIndexOf('✅');
    if (lastBad !== -1 || lastGood !== -1) marker = lastBad > lastGood ? 'bad' : 'good';
  }
  return { bad, good };
}

describe('rule registry', () => {
  it('registers rules sorted by id, without duplicates', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('has one source file per registered rule, and registers every rule file', () => {
    const files = ruleFiles();
    expect([...files.keys()].filter((id) => !id.startsWith('_')).sort()).toEqual(
      allRules.map((r) => r.id),
    );
  });

  it.each(allRules.map((r) => [r.id, r] as [string, AnyRule]))(
    '%s has a test and a doc page',
    (id, rule) => {
      const source = ruleFiles().get(id) ?? `<no source file for ${id}>`;
      expect(existsSync(source), `${id}.ts`).toBe(true);
      expect(existsSync(source.replace(/\.ts$/, '.test.ts')), `${id}.test.ts`).toBe(true);
      const docPath = path.join(docsDir, `${id}.md`);
      expect(existsSync(docPath), `docs/rules/${id}.md`).toBe(true);
      const doc = readFileSync(docPath, 'utf8');
      const meta = frontmatter(doc);
      expect(meta.id).toBe(id);
      expect(meta.severity).toBe(rule.meta.severity);
      expect(meta.category).toBe(rule.meta.category);
      expect(Array.isArray(meta.references)).toBe(true);
      for (const heading of HEADINGS)
        expect(doc, `${id}: ## ${heading}`).toContain(`\n## ${heading}`);
      for (const option of Object.keys(rule.meta.defaultOptions ?? {})) {
        expect(doc.split('## Options')[1] ?? '', `${id} documents option ${option}`).toContain(
          option,
        );
      }
    },
  );

  it.each(allRules.map((r) => [r.id, r] as [string, AnyRule]))(
    '%s doc examples: ❌ flagged, ✅ clean',
    (id, rule) => {
      const doc = readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
      const { bad, good } = examples(doc);
      expect(bad.length, `${id} has a ❌ example`).toBeGreaterThan(0);
      expect(good.length, `${id} has a ✅ example`).toBeGreaterThan(0);
      for (const yaml of bad)
        expect(runRule(rule, { yaml }).length, `❌ example of ${id}:\n${yaml}`).toBeGreaterThan(0);
      for (const yaml of good)
        expect(
          runRule(rule, { yaml }).map((f) => f.message),
          `✅ example of ${id}`,
        ).toEqual([]);
    },
  );
});
