import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../src/input/index.ts';
import { Inventory } from '../src/model/inventory.ts';
import {
  ResourceResolver,
  createAttributes,
  denyMessage,
  evaluateVap,
  inventoryParams,
  offlineNamespace,
  policySetFrom,
  warningMessage,
} from '../src/vap/index.ts';

// Each folder of test/fixtures/vap holds a policy, one object per case and the verdicts a real
// API server gives (see its README): this test checks Kubeward's evaluation against them.
const ROOT = path.join(import.meta.dirname, 'fixtures', 'vap');
const POLICIES = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Expected {
  allowed: boolean;
  message?: string;
  warnings?: string[];
}

interface Verdict {
  allowed: boolean;
  message?: string;
  warnings?: string[];
}

/** What the API server would answer for a CREATE of the case object (dry-run). */
async function verdictFor(policyDir: string, caseFile: string): Promise<Verdict> {
  const options = { ...DEFAULT_LOAD_OPTIONS, cwd: policyDir };
  const policyObjects = (await loadSources(['policy.yaml'], options)).objects;
  const cased = await loadSources([path.join('cases', caseFile)], options);
  expect(cased.diagnostics).toEqual([]);
  const inventory = new Inventory([...policyObjects, ...cased.objects]);
  const set = policySetFrom(policyObjects);
  expect(set.diagnostics).toEqual([]);
  const context = {
    namespace: (name: string) => offlineNamespace(inventory, name),
    params: inventoryParams(inventory, []),
  };
  const object = cased.objects[0]?.object;
  if (object === undefined) throw new Error(`${caseFile} holds no object`);
  const attributes = createAttributes(object, new ResourceResolver(inventory));
  const denials: string[] = [];
  const warnings: string[] = [];
  for (const policy of set.policies) {
    for (const binding of set.bindingsOf.get(policy.name) ?? []) {
      for (const decision of evaluateVap(policy, binding, attributes, context).decisions) {
        if (decision.action === 'Deny')
          denials.push(denyMessage(policy.name, binding.name, decision.message));
        if (decision.action === 'Warn')
          warnings.push(warningMessage(policy.name, binding.name, decision.message));
      }
    }
  }
  const verdict: Verdict = { allowed: denials.length === 0 };
  const [first] = denials;
  if (first !== undefined) verdict.message = first;
  if (warnings.length > 0) verdict.warnings = warnings;
  return verdict;
}

describe.each(POLICIES)('policy %s', (name) => {
  const dir = path.join(ROOT, name);
  const expected = parse(readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Record<
    string,
    Expected
  >;
  const cases = readdirSync(path.join(dir, 'cases')).sort();

  test('every case has an expected verdict and every verdict a case', () => {
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  test.each(cases)('%s', async (caseFile) => {
    const want = expected[caseFile] ?? { allowed: true };
    const verdict = await verdictFor(dir, caseFile);
    expect(verdict).toEqual({
      allowed: want.allowed,
      ...(want.message === undefined ? {} : { message: want.message }),
      ...(want.warnings === undefined ? {} : { warnings: want.warnings }),
    });
  });
});

test('the fixtures cover denials, warnings, params and allowed objects', () => {
  const all = POLICIES.flatMap((name) =>
    Object.values(
      parse(readFileSync(path.join(ROOT, name, 'expected.yaml'), 'utf8')) as Record<
        string,
        Expected
      >,
    ),
  );
  expect(all.filter((e) => !e.allowed).length).toBeGreaterThan(10);
  expect(all.filter((e) => e.warnings !== undefined).length).toBeGreaterThan(2);
  expect(all.filter((e) => e.allowed).length).toBeGreaterThan(10);
});
