import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';
import { loadIgnoreFile } from './load-ignore-file.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function configError(text: string): string {
  const dir = project({ '.kubeward.yaml': text });
  try {
    loadConfig('.kubeward.yaml', dir);
  } catch (error) {
    expect(error).toMatchObject({ code: 'E_CONFIG' });
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('loadConfig', () => {
  it('reads every section, keeping `off` and dates as strings (YAML 1.2)', () => {
    const dir = project({
      '.kubeward.yaml': [
        'rules:',
        '  container-privileged: off',
        '  image-tag-latest: medium',
        '  image-registry-allowlist:',
        '    severity: high',
        '    options: { allowedRegistries: [ghcr.io/acme] }',
        'include: [category:rbac]',
        "exclude: ['pss-*']",
        'pss: { level: baseline, version: v1.30 }',
        'failOn: medium',
        'annotationSuppressions: false',
        'ignore:',
        '  - rule: container-privileged',
        '    name: calico-*',
        '    reason: the CNI needs it',
        '    expires: 2030-01-31',
        '',
      ].join('\n'),
    });
    const config = loadConfig('.kubeward.yaml', dir);
    expect(config).toMatchObject({
      rules: {
        'container-privileged': { severity: 'off' },
        'image-tag-latest': { severity: 'medium' },
        'image-registry-allowlist': {
          severity: 'high',
          options: { allowedRegistries: ['ghcr.io/acme'] },
        },
      },
      include: ['category:rbac'],
      exclude: ['pss-*'],
      pss: { level: 'baseline', version: 'v1.30' },
      failOn: 'medium',
      annotationSuppressions: false,
      ignore: [
        {
          rule: 'container-privileged',
          name: 'calico-*',
          reason: 'the CNI needs it',
          expires: '2030-01-31',
          source: { file: '.kubeward.yaml', line: 13, column: 5 },
        },
      ],
    });
  });

  it('accepts an empty file', () => {
    expect(
      loadConfig('.kubeward.yaml', project({ '.kubeward.yaml': '# nothing yet\n' })),
    ).toMatchObject({
      rules: {},
      ignore: [],
    });
  });

  it('names each bad key as a config path, with its position', () => {
    expect(configError('rules:\n  some-rule: hgih\ncolour: red\n')).toBe(
      [
        '.kubeward.yaml:3:1: colour: unknown key (expected one of: rules, include, exclude, pss, failOn, ignore, annotationSuppressions)',
        '.kubeward.yaml:2:14: rules.some-rule: must be one of: off, critical, high, medium, low, info',
      ].join('\n'),
    );
    expect(configError('rules:\n  some-rule: { severity: high, option: {} }\n')).toBe(
      '.kubeward.yaml:2:32: rules.some-rule.option: unknown key (expected one of: severity, options)',
    );
    expect(configError('pss:\n  version: "1.30"\nfailOn: never\n')).toContain(
      '.kubeward.yaml:2:12: pss.version: must be v1.0 … v1.37 or latest',
    );
    expect(configError('include: category:rbac\n')).toBe(
      '.kubeward.yaml:1:10: include: must be array',
    );
  });

  it('requires a reason and a real expiry date on ignore entries', () => {
    expect(
      configError('ignore:\n- rule: x\n  expires: 2030-02-30\n- rule: y\n  reason: "  "\n'),
    ).toBe(
      [
        '.kubeward.yaml:2:3: ignore[0].reason: is required',
        '.kubeward.yaml:5:11: ignore[1].reason: must not be empty',
      ].join('\n'),
    );
    expect(configError('ignore:\n- rule: x\n  reason: r\n  expires: 2030-02-30\n')).toBe(
      '.kubeward.yaml:4:12: ignore[0].expires: is not a real date',
    );
    expect(configError('ignore:\n- rule: x\n  reason: r\n  expires: 30/01/2030\n')).toBe(
      '.kubeward.yaml:4:12: ignore[0].expires: must be a date written YYYY-MM-DD',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(configError('rules:\n  a: [off\n')).toMatch(/^\.kubeward\.yaml:\d+:\d+: /);
  });

  it('fails clearly on a missing --config file', () => {
    expect(() => loadConfig('missing.yaml', project({}))).toThrow(/cannot read missing\.yaml/);
  });
});

describe('loadIgnoreFile', () => {
  it('reads a list, or a mapping with `ignore:`', () => {
    const dir = project({
      list: '- rule: a\n  reason: r\n',
      map: 'ignore:\n  - rule: b\n    kind: apps/Deployment\n    reason: r\n',
    });
    expect(loadIgnoreFile('list', dir)).toEqual([
      { rule: 'a', reason: 'r', source: { file: 'list', line: 1, column: 3 } },
    ]);
    expect(loadIgnoreFile('map', dir)).toMatchObject([{ rule: 'b', kind: 'apps/Deployment' }]);
  });

  it('names bad entries', () => {
    const dir = project({ bad: '- rule: a\n  reason: r\n  namespace: 3\n', other: 'rules: {}\n' });
    expect(() => loadIgnoreFile('bad', dir)).toThrow('bad:3:14: [0].namespace: must be string');
    expect(() => loadIgnoreFile('other', dir)).toThrow(
      'other:1:1: (top level): must be a list of ignore entries, or `ignore:` with one',
    );
  });
});
