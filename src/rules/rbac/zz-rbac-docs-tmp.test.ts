import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runRule } from '../../../test/helpers/rule-tester.ts';
import { rbacRules } from './index.ts';

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

describe('rbac docs', () => {
  for (const rule of rbacRules) {
    it(rule.id, () => {
      const doc = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
      const meta = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(doc)?.[1] ?? '') as Record<
        string,
        unknown
      >;
      expect(meta.id).toBe(rule.id);
      expect(meta.severity).toBe(rule.meta.severity);
      expect(meta.category).toBe(rule.meta.category);
      for (const h of [
        'Rule Details',
        'Examples',
        'Options',
        'Remediation',
        'When Not To Use It',
        'References',
      ])
        expect(doc).toContain(`\n## ${h}`);
      const { bad, good } = examples(doc);
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
      for (const yaml of bad) expect(runRule(rule, { yaml }).length, yaml).toBeGreaterThan(0);
      for (const yaml of good) expect(runRule(rule, { yaml }).map((f) => f.message)).toEqual([]);
    });
  }
});
