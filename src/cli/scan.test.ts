import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedIo } from './__fixtures__/captured-io.ts';
import { scanCommand } from './scan.ts';

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: no-latest
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE"]
      resources: ["pods"]
  validations:
  - expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))"
    message: no latest tags
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: no-latest
spec:
  policyName: no-latest
  validationActions: [Deny]
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:latest
`;

async function run(text: string, args: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-scan-cli-'));
  writeFileSync(path.join(dir, 'all.yaml'), text);
  const { io, out } = capturedIo(dir);
  const status = await scanCommand(['all.yaml', ...args], io);
  return { status, stdout: out.stdout };
}

async function scan(args: string[]) {
  const { status, stdout } = await run(POLICY, ['--format', 'json', ...args]);
  const report = JSON.parse(stdout) as {
    findings: { ruleId: string }[];
    diagnostics: { code: string }[];
  };
  return { status, report };
}

describe('kubeward scan with policies in the input', () => {
  it('says they are there, and does not apply them unless asked', async () => {
    const { report } = await scan([]);
    expect(report.diagnostics.map((d) => d.code)).toContain('I_VAP_IN_INPUT');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('no-latest');
  });

  it('applies them with --policies-from-input', async () => {
    const { report } = await scan(['--policies-from-input']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('I_VAP_IN_INPUT');
    expect(report.findings.map((f) => f.ruleId)).toContain('no-latest');
  });
});

describe('kubeward scan --format sarif', () => {
  it("carries a finding's fix as text edits", async () => {
    const legacy = `apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    container.seccomp.security.alpha.kubernetes.io/a: runtime/default
spec:
  containers:
  - name: a
    image: nginx
`;
    const { stdout } = await run(legacy, ['--format', 'sarif']);
    const sarif = JSON.parse(stdout) as {
      runs: { results: { ruleId: string; fixes?: { artifactChanges: unknown[] }[] }[] }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    const fixed = results.filter((r) => r.ruleId === 'container-seccomp-profile' && r.fixes);
    expect(fixed).toHaveLength(1);
    expect(fixed[0]?.fixes?.[0]?.artifactChanges).toHaveLength(1);
  });
});
