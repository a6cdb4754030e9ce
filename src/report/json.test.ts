import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { context, EMPTY, FINDINGS, RESULT } from './__fixtures__/scan-result.ts';
import { json, reportObject } from './json.ts';

const schema: unknown = JSON.parse(
  readFileSync(new URL('../../schema/kubeward-report.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
  schema as object,
);

function expectValid(out: string): void {
  const valid = validate(JSON.parse(out));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('json reporter', () => {
  test('matches the golden report', async () => {
    await expect(json(RESULT, context())).toMatchFileSnapshot('./__golden__/report.json');
  });

  test('validates against schema/kubeward-report.schema.json', () => {
    expectValid(json(RESULT, context()));
    expectValid(json(EMPTY, context()));
  });

  test('the schema rejects what the format does not allow', () => {
    const report = JSON.parse(json(RESULT, context())) as { findings: Record<string, unknown>[] };
    const [first] = report.findings;
    if (!first) throw new Error('fixture');
    first.severity = 'urgent';
    expect(validate(report)).toBe(false);
    delete first.severity;
    expect(validate(report)).toBe(false);
  });

  test('is stable: 2-space indentation, trailing newline, fixed key order', () => {
    const out = json(RESULT, context());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "schemaVersion": "1.0",');
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'tool',
      'summary',
      'findings',
      'suppressed',
      'diagnostics',
    ]);
    expect(json(RESULT, context())).toBe(out);
  });

  test('round-trips special characters exactly', () => {
    const [first] = FINDINGS;
    if (!first) throw new Error('fixture');
    const message = 'a "quoted" <tag> & \\ back\nslash\u0000\u2028 end';
    const out = json({ ...EMPTY, findings: [{ ...first, message }] }, context());
    const parsed = JSON.parse(out) as { findings: { message: string }[] };
    expect(parsed.findings[0]?.message).toBe(message);
    expect(out).not.toContain('\u0000');
  });

  test('paths as array and as string; cluster objects have no location or namespace', () => {
    const parsed = JSON.parse(json(RESULT, context())) as {
      findings: {
        path: unknown[];
        pathString: string;
        location?: { file: string };
        object: object;
      }[];
    };
    const privileged = parsed.findings[3];
    expect(privileged?.pathString).toBe(
      'spec.template.spec.containers[0].securityContext.privileged',
    );
    expect(privileged?.path).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'securityContext',
      'privileged',
    ]);
    expect(privileged?.location?.file).toBe('deploy/web.yaml');
    const cluster = parsed.findings[5];
    expect(cluster?.location).toBeUndefined();
    expect(cluster?.object).not.toHaveProperty('namespace');
  });

  test('prints exactly what JSON.stringify(report, null, 2) prints', () => {
    const [first, second] = FINDINGS;
    if (!first || !second) throw new Error('fixture');
    const odd: typeof first = {
      ...first,
      message: 'lone \uD83D surrogate, "quotes", back\\slash, tab\t, \u0001, 😀',
      object: { apiVersion: 'v1', kind: 'Pod', namespace: '', name: 'é\u2028' },
      path: ['metadata', 'annotations', 'a"b', 0, 'x\ny'],
      evidence: {
        nested: { list: [1, 'two', null, true], empty: {}, none: [] },
        skipped: undefined,
      },
      suppressions: [{ kind: 'annotation', reason: 'because' }],
      fix: [{ op: 'remove', path: ['spec'] }],
      suggest: [{ op: 'add', path: ['spec', 'x'], value: { deep: ['a'] } }],
    };
    for (const result of [
      RESULT,
      EMPTY,
      { ...RESULT, findings: [odd, second], suppressed: [odd] },
    ]) {
      expect(json(result, context())).toBe(
        `${JSON.stringify(reportObject(result, context()), null, 2)}\n`,
      );
    }
  });
});
