import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources, loadTexts, DEFAULT_LOAD_OPTIONS } from './load.ts';
import type { LoadResult } from './load.ts';

function load(text: string, file = 'm.yaml'): LoadResult {
  return loadTexts([{ path: file, text }], DEFAULT_LOAD_OPTIONS);
}

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers: [{name: c, image: nginx}]\n';

function codes(result: LoadResult): string[] {
  return result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}

describe('YAML decoded as kubectl decodes it (go-yaml v2)', () => {
  it('treats YAML 1.1 booleans as booleans', () => {
    const { objects } = load(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: yes\n  hostPID: on\n  hostIPC: Off\n  containers:\n  - name: c\n    securityContext: {privileged: Y}\n',
    );
    const spec = objects[0]?.object.spec as Record<string, unknown>;
    expect([spec.hostNetwork, spec.hostPID, spec.hostIPC]).toEqual([true, true, false]);
    expect(spec.containers).toEqual([{ name: 'c', securityContext: { privileged: true } }]);
  });

  it('keeps quoted booleans as strings, reads Go integer syntax, and keeps timestamps as strings', () => {
    const { objects } = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "yes", b: 0644, c: 0x10, d: 2024-01-01, e: 1_000}\n',
    );
    expect(objects[0]?.object.data).toEqual({ a: 'yes', b: 420, c: 16, d: '2024-01-01', e: 1000 });
  });
});

describe('streams, lists and JSON', () => {
  it('splits multi-document streams and keeps empty documents out', () => {
    const { objects, diagnostics } = load(
      `# header\n---\n${POD}---\n# only a comment\n---\n${POD.replace('ok', 'two')}...\n`,
    );
    expect(objects.map((o) => o.ref.name)).toEqual(['ok', 'two']);
    expect(objects.map((o) => o.origin)).toEqual([
      { source: 'file', file: 'm.yaml', documentIndex: 0, pathPrefix: [] },
      { source: 'file', file: 'm.yaml', documentIndex: 1, pathPrefix: [] },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('unwraps List items, and typed lists whose items have no kind', () => {
    const list = load(
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n',
    );
    expect(
      list.objects.map((o) => [o.ref.kind, o.origin.source === 'file' && o.origin.pathPrefix]),
    ).toEqual([['Service', ['items', 0]]]);
    const pods = load(
      'apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n',
    );
    expect(pods.objects.map((o) => `${o.ref.apiVersion}/${o.ref.kind}/${o.ref.name}`)).toEqual([
      'v1/Pod/a',
      'v1/Pod/b',
    ]);
  });

  it('reads JSON files', () => {
    const { objects } = load(
      JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }),
      'n.json',
    );
    expect(objects[0]?.ref).toEqual({ apiVersion: 'v1', kind: 'Namespace', name: 'n' });
  });
});

describe('bad input is a diagnostic, and the rest is still scanned', () => {
  it('reports malformed YAML with its position and keeps the other documents', () => {
    const result = load(
      `${POD}---\napiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n---\n${POD.replace('ok', 'after')}`,
    );
    expect(result.objects.map((o) => o.ref.name)).toEqual(['ok', 'after']);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'E_YAML_SYNTAX',
      level: 'error',
      file: 'm.yaml',
    });
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(10);
  });

  it('reports an unresolved alias', () => {
    const result = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: *nowhere}\n',
    );
    expect(codes(result)).toEqual(['E_YAML_UNRESOLVED_ALIAS@4:19']);
    expect(result.objects).toEqual([]);
  });

  it('refuses an alias bomb without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const result = load(`${bomb}---\n${POD}`);
    expect(codes(result)).toEqual(['E_YAML_ALIAS_BOMB@1:1']);
    expect(result.objects.map((o) => o.ref.name)).toEqual(['ok']);
  });

  it('accepts ordinary anchors and merge keys', () => {
    const result = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: &l {app: x}}\ndata:\n  <<: *l\n  b: "2"\n',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.objects[0]?.object.data).toEqual({ app: 'x', b: '2' });
  });

  it('skips binary files', () => {
    const result = load('apiVersion: v1\nki\u0000nd: Pod\n');
    expect(codes(result)).toEqual(['E_BINARY_FILE@2:3']);
    expect(result.objects).toEqual([]);
  });

  it('reports invalid UTF-8 and keeps the documents without it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-utf8-'));
    const bad = Buffer.concat([
      Buffer.from(`${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    writeFileSync(path.join(dir, 'bad.yaml'), bad);
    return loadSources(['bad.yaml'], { ...DEFAULT_LOAD_OPTIONS, cwd: dir }).then((result) => {
      expect(codes(result)).toEqual(['E_INVALID_UTF8@10:19']);
      expect(result.objects.map((o) => o.ref.name)).toEqual(['ok']);
    });
  });

  it('skips a file over the size limit (a generated 50 MB file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-big-'));
    const chunk = `${POD}---\n`;
    writeFileSync(
      path.join(dir, 'big.yaml'),
      chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length)),
    );
    writeFileSync(path.join(dir, 'small.yaml'), POD);
    const result = await loadSources([dir], { ...DEFAULT_LOAD_OPTIONS, cwd: dir });
    expect(codes(result)).toEqual(['E_FILE_TOO_LARGE@1:1']);
    expect(result.objects.map((o) => o.origin.source === 'file' && o.origin.file)).toEqual([
      'small.yaml',
    ]);
    const bigger = await loadSources(['small.yaml'], {
      ...DEFAULT_LOAD_OPTIONS,
      cwd: dir,
      maxFileSize: 10,
    });
    expect(codes(bigger)).toEqual(['E_FILE_TOO_LARGE@1:1']);
  });

  it('bounds nesting depth, configurably', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: {a: ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`;
    const result = load(`${deep}---\n${POD}`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['E_YAML_TOO_DEEP']);
    expect(result.objects.map((o) => o.ref.name)).toEqual(['ok']);
    const shallow = loadTexts([{ path: 'm.yaml', text: 'a: [[[1]]]\n' }], {
      ...DEFAULT_LOAD_OPTIONS,
      maxDepth: 2,
    });
    expect(shallow.diagnostics.map((d) => d.code)).toEqual(['E_YAML_TOO_DEEP']);
  });

  it('warns about duplicate keys and keeps the last value, as kubectl does', () => {
    const result = load(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: false\n  hostPID: true\n',
    );
    expect(codes(result)).toEqual(['W_YAML_DUPLICATE_KEY@6:3']);
    expect((result.objects[0]?.object.spec as Record<string, unknown>).hostPID).toBe(true);
  });

  it('reports documents without apiVersion or kind, and non-objects', () => {
    const result = load(`name: x\n---\n- a\n---\n${POD}`);
    expect(codes(result)).toEqual(['W_MISSING_KIND@1:1', 'W_NOT_AN_OBJECT@3:1']);
  });

  it('notes unknown kinds, and custom resources whose CRD is in the input', () => {
    const result = load(
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: s}\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget}\n',
    );
    expect(result.diagnostics.map((d) => [d.code, d.level, d.line])).toEqual([
      ['I_UNKNOWN_KIND', 'info', 1],
      ['I_UNKNOWN_KIND', 'info', 5],
    ]);
    expect(result.diagnostics[0]?.message).toContain('defined by a CRD in the input');
    expect(result.diagnostics[1]?.message).toContain('no CRD in the input defines it');
  });

  it('reports a missing path as a usage error', async () => {
    await expect(
      loadSources(['/nonexistent/x.yaml'], { ...DEFAULT_LOAD_OPTIONS, cwd: '/' }),
    ).rejects.toThrow('no such file or directory');
  });
});
