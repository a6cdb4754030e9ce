import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { Log, Result } from 'sarif';
import { describe, expect, test } from 'vitest';
import { context, CWD, EMPTY, FINDINGS, RESULT } from './__fixtures__/scan-result.ts';
import type { FileEdits, ReportContext } from './context.ts';
import { sarif } from './sarif.ts';

// The official OASIS schema (errata 01) is draft-04; Ajv speaks draft-07, which reads every keyword that
// schema uses the same way, so only the draft-04 `$schema` and `id` need translating. Ajv ships no
// `format` validators without ajv-formats, so formats are not checked.
const schema = JSON.parse(
  readFileSync(new URL('../../test/fixtures/sarif-2.1.0.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
schema.$id = schema.id;
delete schema.id;
delete schema.$schema;
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
  schema,
);

function check(out: string): Log {
  const log = JSON.parse(out) as Log;
  validate(log);
  expect(validate.errors ?? []).toEqual([]);
  return log;
}

const privileged = FINDINGS.find((f) => f.ruleId === 'container-privileged');
const fixes: ReportContext['fixes'] = (finding) =>
  finding === privileged
    ? ({
        file: `${CWD}/deploy/web.yaml`,
        edits: [
          { startLine: 21, startColumn: 25, endLine: 21, endColumn: 29, insertedText: 'false' },
        ],
      } satisfies FileEdits)
    : undefined;

describe('sarif reporter', () => {
  test('matches the golden log', async () => {
    await expect(sarif(RESULT, context({ fixes }))).toMatchFileSnapshot(
      './__golden__/report.sarif.json',
    );
  });

  test('validates against the official SARIF 2.1.0 schema', () => {
    check(sarif(RESULT, context({ fixes })));
    check(sarif(RESULT, context()));
    check(sarif(EMPTY, context({ rules: [] })));
  });

  test('the schema check is not vacuous', () => {
    const log = JSON.parse(sarif(RESULT, context())) as Log;
    Object.assign(log.runs[0]?.results?.[0] ?? {}, { level: 'critical' });
    expect(validate(log)).toBe(false);
  });

  test('registers every rule that ran, and results point at them', () => {
    const run = check(sarif(RESULT, context())).runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(context().rules.map((r) => r.id));
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    const critical = rules[0];
    expect(critical?.defaultConfiguration?.level).toBe('error');
    expect(critical?.properties?.['security-severity']).toBe('9.5');
    expect(critical?.properties?.tags).toEqual(['security', 'pod-security']);
    expect(critical?.helpUri).toBe('https://kubeward.example/rules/container-privileged');
  });

  test('suppressed findings are included and marked; active ones are not', () => {
    const results = check(sarif(RESULT, context())).runs[0]?.results ?? [];
    const suppressed = results.filter((r: Result) => (r.suppressions ?? []).length > 0);
    expect(results).toHaveLength(8);
    expect(suppressed.map((r) => r.suppressions?.[0]?.kind)).toEqual(['external', 'inSource']);
    expect(suppressed[1]?.suppressions?.[0]?.justification).toBe(
      'Binds :80 until <#123> & friends land',
    );
  });

  test('locations are relative to %SRCROOT%, which the log leaves to the consumer to bind', () => {
    const run = check(sarif(RESULT, context())).runs[0];
    expect(run?.originalUriBaseIds).toBeUndefined();
    const physical = run?.results?.[0]?.locations?.[0]?.physicalLocation;
    expect(physical?.artifactLocation).toEqual({ uri: 'deploy/jobs.yaml', uriBaseId: '%SRCROOT%' });
    expect(physical?.region).toEqual({ startLine: 9, startColumn: 11, endLine: 9, endColumn: 17 });
  });

  test('odd file names become valid URI references; files outside cwd get absolute URIs', () => {
    const [first] = FINDINGS;
    if (!first?.location) throw new Error('fixture');
    const odd = { ...first, location: { ...first.location, file: 'my dir/a#b%c.yaml' } };
    const outside = { ...first, location: { ...first.location, file: '/etc/k8s/x.yaml' } };
    const run = check(sarif({ ...EMPTY, findings: [odd, outside] }, context())).runs[0];
    const uris = run?.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    expect(uris).toEqual([
      { uri: 'my%20dir/a%23b%25c.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///etc/k8s/x.yaml' },
    ]);
  });

  test('cluster objects have a logical location only', () => {
    const results = check(sarif(RESULT, context())).runs[0]?.results ?? [];
    const cluster = results.find((r) => r.ruleId === 'rbac-wildcard-verbs');
    expect(cluster?.locations?.[0]?.physicalLocation).toBeUndefined();
    expect(cluster?.locations?.[0]?.logicalLocations?.[0]).toMatchObject({
      name: 'ops-admin',
      fullyQualifiedName: 'ClusterRole/ops-admin',
    });
  });

  test('fixes appear only when ctx.fixes gives edits for a finding with a fix', () => {
    const withFixes = check(sarif(RESULT, context({ fixes }))).runs[0]?.results ?? [];
    expect(withFixes.filter((r) => r.fixes).map((r) => r.ruleId)).toEqual(['container-privileged']);
    const without = check(sarif(RESULT, context())).runs[0]?.results ?? [];
    expect(without.some((r) => r.fixes)).toBe(false);
  });

  test('error diagnostics make the execution unsuccessful; info ones are left out', () => {
    const invocation = check(sarif(RESULT, context())).runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications?.map((n) => n.descriptor?.id)).toEqual([
      'E_YAML_SYNTAX',
      'W_UNKNOWN_KIND',
      'E_RULE_CRASH',
    ]);
    expect(invocation?.toolExecutionNotifications?.[2]?.associatedRule).toEqual({
      id: 'image-tag-latest',
      index: 2,
    });
    const clean = check(sarif(EMPTY, context())).runs[0]?.invocations?.[0];
    expect(clean).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });
});
