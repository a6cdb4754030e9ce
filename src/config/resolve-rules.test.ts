import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../engine/rule.ts';
import type { AnyRule } from '../engine/rule.ts';
import { loadConfig } from './load-config.ts';
import { resolveRules } from './resolve-rules.ts';

const base = {
  description: 'd',
  remediation: 'r',
  references: [],
  category: 'workload',
  messages: { m: 'm' },
} as const;
const rule = (id: string, extra: object = {}): AnyRule =>
  defineRule({
    id,
    meta: { ...base, title: id, severity: 'low', ...extra },
    check() {
      // reports nothing: only its meta matters here
    },
  });

const RULES = [
  rule('image-registry-allowlist', {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedRegistries: { type: 'array', items: { type: 'string' } },
        strict: { type: 'boolean' },
      },
    },
    defaultOptions: { allowedRegistries: ['docker.io'], strict: false },
  }),
  rule('image-tag-latest'),
  rule('pss-privileged', { category: 'pod-security' }),
  rule('rbac-wildcard', { optIn: true, category: 'rbac' }),
];

function configOf(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-rules-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '.kubeward.yaml'), text);
  return loadConfig('.kubeward.yaml', dir);
}

const ids = (rules: readonly AnyRule[]) => rules.map((r) => r.id);
const none = { include: [], exclude: [] };

describe('resolveRules', () => {
  it('merges options over defaults and records severity overrides', () => {
    const config = configOf(
      'rules:\n  image-registry-allowlist:\n    severity: critical\n    options: { allowedRegistries: [ghcr.io] }\n  image-tag-latest: info\n',
    );
    const resolved = resolveRules(RULES, config, none);
    expect(resolved.ruleOptions).toEqual({
      'image-registry-allowlist': { allowedRegistries: ['ghcr.io'], strict: false },
    });
    expect(resolved.severityOverrides).toEqual({
      'image-registry-allowlist': 'critical',
      'image-tag-latest': 'info',
    });
    expect(ids(resolved.rules)).toEqual([
      'image-registry-allowlist',
      'image-tag-latest',
      'pss-privileged',
    ]);
  });

  it('names the bad option by its config path', () => {
    const config = configOf(
      'rules:\n  image-registry-allowlist:\n    options:\n      allowedRegistries: [ghcr.io, 5]\n      strictly: true\n',
    );
    expect(() => resolveRules(RULES, config, none)).toThrow(
      [
        '.kubeward.yaml:5:7: rules.image-registry-allowlist.options.strictly: unknown key (expected one of: allowedRegistries, strict)',
        '.kubeward.yaml:4:36: rules.image-registry-allowlist.options.allowedRegistries[1]: must be string',
      ].join('\n'),
    );
  });

  it('rejects unknown rule ids and options for rules without a schema', () => {
    const config = configOf(
      'rules:\n  image-tag-lastest: off\n  image-tag-latest: { options: { a: 1 } }\n',
    );
    expect(() => resolveRules(RULES, config, none)).toThrow(
      [
        '.kubeward.yaml:2:3: rules.image-tag-lastest: no rule has this id (see `kubeward rules`)',
        '.kubeward.yaml:3:23: rules.image-tag-latest.options: this rule takes no options',
      ].join('\n'),
    );
  });

  it('turns rules off, opt-in rules on, and lets --rules override the config', () => {
    const config = configOf(
      'rules:\n  image-tag-latest: off\n  rbac-wildcard: high\nexclude: [pss-*]\n',
    );
    expect(ids(resolveRules(RULES, config, none).rules)).toEqual([
      'image-registry-allowlist',
      'rbac-wildcard',
    ]);
    expect(ids(resolveRules(RULES, config, { include: ['image-*'], exclude: [] }).rules)).toEqual([
      'image-registry-allowlist',
      'image-tag-latest',
    ]);
    expect(
      ids(resolveRules(RULES, config, { include: [], exclude: ['category:rbac'] }).rules),
    ).toEqual(['image-registry-allowlist']);
  });

  it('names include and exclude selectors that match no rule', () => {
    const config = configOf('include: [image-*]\nexclude: [category:reliability]\n');
    expect(() => resolveRules(RULES, config, none)).toThrow(
      '.kubeward.yaml:2:11: exclude[0]: no rule matches this selector (see `kubeward rules`)',
    );
  });

  it('uses the config include list when no --rules is given', () => {
    const config = configOf('include: [category:rbac]\n');
    expect(ids(resolveRules(RULES, config, none).rules)).toEqual(['rbac-wildcard']);
  });
});
