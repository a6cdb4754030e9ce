import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KubewardError } from '../engine/errors.ts';
import { capturedIo } from './__fixtures__/captured-io.ts';
import { netpolCommand } from './netpol.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/netpol/', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = capturedIo(CORPUS);
  const code = await netpolCommand(argv, io);
  return { code, ...out };
}

describe('kubeward netpol', () => {
  it('conns prints the golden connection list; input problems go to stderr', async () => {
    const { code, stdout, stderr } = await run(['conns', 'onlineboutique']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      readFileSync(`${CORPUS}onlineboutique/onlineboutique_connlist_output.txt`, 'utf8'),
    );
    expect(stderr).toContain('onlineboutique/connlist_output.json:1:1: document is a sequence');
  });

  it('conns speaks json, csv, md and dot', async () => {
    const json = JSON.parse(
      (await run(['conns', 'minimal_test_in_ns', '-f', 'json'])).stdout,
    ) as unknown[];
    expect(json).toHaveLength(5);
    expect(
      (await run(['conns', 'minimal_test_in_ns', '--format', 'csv'])).stdout.split('\n')[0],
    ).toBe('src,dst,conn');
    expect((await run(['conns', 'minimal_test_in_ns', '-f', 'md'])).stdout).toContain(
      '| src | dst | conn |',
    );
    expect((await run(['conns', 'minimal_test_in_ns', '-f', 'dot'])).stdout).toMatch(/^digraph \{/);
  });

  it('reach answers with an exit code: 0 allowed, 1 denied', async () => {
    const allowed = await run([
      'reach',
      'minimal_test_in_ns',
      '--from',
      'hello-world/workload-b',
      '--to',
      'hello-world/workload-a[Deployment]',
      '--port',
      '8050',
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /^hello-world\/workload-b\[Deployment\] => hello-world\/workload-a\[Deployment\] on TCP 8050: ALLOWED\n/,
    );
    const denied = await run([
      'reach',
      'minimal_test_in_ns',
      '--from',
      'hello-world/workload-b',
      '--to',
      'hello-world/workload-a',
      '--port',
      '8000/tcp',
    ]);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toContain('DENIED');
    const fromOutside = await run([
      'reach',
      'minimal_test_in_ns',
      '--from',
      '1.2.3.4',
      '--to',
      'hello-world/workload-b',
      '-f',
      'json',
    ]);
    expect(JSON.parse(fromOutside.stdout)).toMatchObject({ from: '1.2.3.4', allowed: true });
  });

  it('exposure lists unprotected workloads', async () => {
    const { code, stdout } = await run(['exposure', 'onlineboutique_workloads']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'default/redis-cart[Deployment]\n  ingress: not protected by any NetworkPolicy\n',
    );
  });

  it('rejects bad usage with a KubewardError', async () => {
    await expect(run(['routes', 'x'])).rejects.toThrow(KubewardError);
    await expect(run(['reach', 'minimal_test_in_ns', '--to', 'x'])).rejects.toThrow(
      /reach needs --from/,
    );
    await expect(
      run(['reach', 'minimal_test_in_ns', '--from', 'nope', '--to', 'x']),
    ).rejects.toThrow(/--from: no workload "nope"/);
    await expect(
      run([
        'reach',
        'minimal_test_in_ns',
        '--from',
        '1.1.1.1',
        '--to',
        '2.2.2.2',
        '--port',
        '99999',
      ]),
    ).rejects.toThrow(/--port must be/);
    await expect(
      run(['reach', 'minimal_test_in_ns', '--from', '1.1.1.1', '--to', '2.2.2.2']),
    ).rejects.toThrow(/a workload on at least one side/);
    await expect(run(['reach', 'x', '-f', 'dot'])).rejects.toThrow(
      /--format must be one of text, json/,
    );
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kubeward netpol conns|reach|exposure');
    expect((await run([])).code).toBe(2);
  });
});
