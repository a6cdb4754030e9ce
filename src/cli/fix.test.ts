import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixCommand } from './fix.ts';
import { capturedIo } from './__fixtures__/captured-io.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p  # the pod
spec:
  containers:
  - name: app
    image: nginx
    securityContext:
      privileged: true # why not
`;

function setup(files: Record<string, string>, stdin = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-fix-cli-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const { io, out } = capturedIo(dir, stdin);
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { dir, io, out, read };
}

const RULE = ['--rule', 'pss-privileged'];

describe('kubeward fix', () => {
  it('applies unsafe fixes only with --unsafe, in place, keeping comments', async () => {
    const { io, out, read } = setup({ 'pod.yaml': POD });
    expect(await fixCommand([...RULE, 'pod.yaml'], io)).toBe(0);
    expect(read('pod.yaml')).toBe(POD);
    expect(out.stderr).toBe('fixed 0 finding(s) in 0 file(s)\n');
    expect(await fixCommand([...RULE, '--unsafe', 'pod.yaml'], io)).toBe(0);
    expect(read('pod.yaml')).toBe(POD.replace('privileged: true', 'privileged: false'));
    expect(out.stderr).toContain('pod.yaml:10:19: unsafe fix applied: pss-privileged: ');
    expect(out.stderr).toContain('fixed 1 finding(s) (1 unsafe) in 1 file(s)\n');
  });

  it('prints a unified diff with --dry-run and changes nothing', async () => {
    const { io, out, read } = setup({ 'pod.yaml': POD });
    expect(await fixCommand([...RULE, '--unsafe', '--dry-run'], io)).toBe(0);
    expect(read('pod.yaml')).toBe(POD);
    expect(out.stdout).toBe(
      [
        '--- a/pod.yaml',
        '+++ b/pod.yaml',
        '@@ -6,5 +6,5 @@',
        '   containers:',
        '   - name: app',
        '     image: nginx',
        '     securityContext:',
        '-      privileged: true # why not',
        '+      privileged: false # why not',
        '',
      ].join('\n'),
    );
    expect(out.stderr).toMatch(/would fix 1 finding\(s\) \(1 unsafe\) in 1 file\(s\)\n$/);
  });

  it('prints the fixed text of standard input, and refuses - with other paths', async () => {
    const { io, out } = setup({ 'pod.yaml': POD }, POD);
    expect(await fixCommand([...RULE, '--unsafe', '-'], io)).toBe(0);
    expect(out.stdout).toBe(POD.replace('privileged: true', 'privileged: false'));
    await expect(fixCommand(['-', 'pod.yaml'], io)).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('does not fix suppressed findings, and keeps a byte-order mark', async () => {
    const { io, read } = setup({
      'a.yaml': `\uFEFF${POD}`,
      'b.yaml': POD.replace('name: p ', 'name: q '),
      '.kubewardignore.yaml': '- { rule: pss-privileged, name: q, reason: legacy }\n',
    });
    expect(await fixCommand([...RULE, '--unsafe', '.'], io)).toBe(0);
    expect(read('a.yaml')).toBe(`\uFEFF${POD.replace('privileged: true', 'privileged: false')}`);
    expect(read('b.yaml')).toContain('privileged: true');
  });

  it('exits 1 when input cannot be read', async () => {
    const { io, out } = setup({ 'bad.yaml': 'a: [1\n' });
    expect(await fixCommand(['bad.yaml'], io)).toBe(1);
    expect(out.stderr).toMatch(/^bad\.yaml:\d+:\d+: .*\(E_YAML_SYNTAX\)\n/);
  });
});
