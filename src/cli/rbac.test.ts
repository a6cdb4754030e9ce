import { describe, expect, it } from 'vitest';
import { KubewardError } from '../engine/errors.ts';
import { capturedIo } from './__fixtures__/captured-io.ts';
import { rbacCommand } from './rbac.ts';

const MANIFESTS = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: secret-reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects:
  - {kind: ServiceAccount, name: exporter, namespace: monitoring}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admin, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: User, name: lead, apiGroup: rbac.authorization.k8s.io}
`;

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = capturedIo('/', MANIFESTS);
  const code = await rbacCommand([...argv, '-f', '-'], io);
  return { code, ...out };
}

describe('kubeward rbac', () => {
  it('can-i: exit 0 with the grant when allowed, 1 when denied', async () => {
    const yes = await run([
      'can-i',
      'list',
      'secrets',
      '--as',
      'system:serviceaccount:monitoring:exporter',
    ]);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('yes\n');
    expect(yes.stdout).toContain(
      'binding: ClusterRoleBinding secret-reader, subject ServiceAccount monitoring/exporter',
    );
    expect(yes.stdout).toContain('rule:    verbs=[get, list] apiGroups=[""] resources=[secrets]');
    const no = await run([
      'can-i',
      'delete',
      'secrets',
      '-n',
      'default',
      '--as',
      'system:serviceaccount:monitoring:exporter',
      '--format',
      'json',
    ]);
    expect(no.code).toBe(1);
    expect(JSON.parse(no.stdout)).toMatchObject({
      allowed: false,
      request: {
        user: 'system:serviceaccount:monitoring:exporter',
        resourceAttributes: { verb: 'delete', resource: 'secrets', namespace: 'default' },
      },
    });
  });

  it('resolves default roles only with --include-bootstrap, and says so otherwise', async () => {
    const without = await run(['can-i', 'delete', 'pods', '-n', 'team', '--as', 'lead']);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('--include-bootstrap adds them');
    expect(without.stdout).toContain(
      'note: RoleBinding team/team-admin refers to ClusterRole cluster-admin, which is not in the input.',
    );
    const withDefaults = await run([
      'can-i',
      'delete',
      'pods',
      '-n',
      'team',
      '--as',
      'lead',
      '--include-bootstrap',
    ]);
    expect(withDefaults.code).toBe(0);
    expect(withDefaults.stderr).toBe('');
    // No -n: a cluster-wide request, which a RoleBinding never grants.
    expect(
      (await run(['can-i', 'delete', 'pods', '--as', 'lead', '--include-bootstrap'])).code,
    ).toBe(1);
  });

  it('who-can: every subject with its grant, in text and JSON', async () => {
    const text = await run(['who-can', 'get', 'secrets']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Subjects that can get secrets cluster-wide:');
    expect(text.stdout).toMatch(/Group system:masters +superuser/);
    expect(text.stdout).toMatch(
      /ServiceAccount monitoring\/exporter +ClusterRoleBinding secret-reader → ClusterRole secret-reader \(rule 0\)/,
    );
    const json = JSON.parse(
      (await run(['who-can', 'get', 'secrets', '--format', 'json'])).stdout,
    ) as { grants: unknown[] };
    expect(json.grants).toHaveLength(1);
  });

  it('paths and risks', async () => {
    const dot = await run(['paths', '--include-bootstrap', '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain('digraph escalation {');
    const risks = await run(['risks', '--format', 'json', '--fail-on', 'critical']);
    expect(risks.code).toBe(1);
    const report = JSON.parse(risks.stdout) as { findings: { ruleId: string; severity: string }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.severity}`)).toContain(
      'rbac-read-secrets critical',
    );
    expect((await run(['risks', '--fail-on', 'none'])).code).toBe(0);
  });

  it('rejects usage errors', async () => {
    await expect(run(['can-i', 'get', 'pods'])).rejects.toThrow('needs --as USER');
    await expect(run(['who-can', 'get'])).rejects.toThrow(KubewardError);
    await expect(run(['paths', 'extra'])).rejects.toThrow('takes no arguments');
    await expect(run(['explode'])).rejects.toThrow('rbac subcommand');
    await expect(run(['paths', '--format', 'svg'])).rejects.toThrow('--format');
    const noInput = await rbacCommand(['--help'], capturedIo('/').io);
    expect(noInput).toBe(0);
  });
});
