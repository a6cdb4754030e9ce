import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { context, EMPTY, RESULT } from './__fixtures__/scan-result.ts';
import { policyreport } from './policyreport.ts';

interface Report {
  kind: string;
  metadata: { name: string; namespace?: string };
  summary: Record<string, number>;
  results: {
    policy: string;
    result: string;
    severity: string;
    resources: { namespace?: string }[];
  }[];
}

function parse(text: string): Report[] {
  return parseAllDocuments(text).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Report;
  });
}

describe('policyreport reporter', () => {
  test('matches the golden report', async () => {
    await expect(policyreport(RESULT, context())).toMatchFileSnapshot(
      './__golden__/report.policyreport.yaml',
    );
  });

  test('puts namespaced objects in their namespace and the rest in the ClusterPolicyReport', () => {
    const reports = parse(policyreport(RESULT, context()));
    expect(reports[0]?.kind).toBe('ClusterPolicyReport');
    for (const report of reports.slice(1)) {
      expect(report.kind).toBe('PolicyReport');
      for (const r of report.results)
        expect(r.resources[0]?.namespace).toBe(report.metadata.namespace);
    }
    for (const report of reports) {
      expect(report.summary.fail).toBe(report.results.filter((r) => r.result === 'fail').length);
    }
  });

  test('merges findings of one rule on one object into one result', () => {
    const reports = parse(policyreport(RESULT, context()));
    const keys = reports.flatMap((r) =>
      r.results.map((x) => JSON.stringify([x.policy, x.result, x.resources])),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('an empty scan still yields an empty ClusterPolicyReport', () => {
    const reports = parse(policyreport(EMPTY, context()));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.summary).toEqual({ pass: 0, fail: 0, warn: 0, error: 0, skip: 0 });
  });

  test('is deterministic and carries a timestamp only when given one', () => {
    expect(policyreport(RESULT, context())).toBe(policyreport(RESULT, context()));
    expect(policyreport(RESULT, context())).not.toContain('timestamp');
    const stamped = policyreport(RESULT, { ...context(), generatedAt: new Date(0) } as never);
    expect(stamped).toContain('timestamp:');
  });
});
