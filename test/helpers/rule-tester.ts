import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../../src/engine/rule.ts';
import { defaultSettings } from '../../src/engine/settings.ts';
import type { ScanSettings } from '../../src/engine/settings.ts';
import { scanLoaded } from '../../src/engine/scan.ts';
import { loadTexts, DEFAULT_LOAD_OPTIONS } from '../../src/input/index.ts';
import type { Finding } from '../../src/engine/finding.ts';

export interface ValidCase {
  yaml: string;
  name?: string;
  options?: Record<string, unknown>;
  settings?: Partial<ScanSettings>;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  /** Substring the message must contain. */
  message?: string;
  severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying every safe fix of this rule (requires the rule to have fixes). */
  output?: string;
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

export type FixApplier = (text: string, findings: readonly Finding[]) => string;

let fixApplier: FixApplier | undefined;

/** Installed by the fix module so the tester can check `output` without depending on it here. */
export function setFixApplier(apply: FixApplier): void {
  fixApplier = apply;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Runs one case through the real loader and engine, with only `rule` enabled. */
export function runRule(rule: AnyRule, testCase: ValidCase): readonly Finding[] {
  const loaded = loadTexts([{ path: 'test.yaml', text: testCase.yaml }], DEFAULT_LOAD_OPTIONS);
  const errors = loaded.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) throw new Error(`test YAML does not parse: ${JSON.stringify(errors)}`);
  for (const item of loaded.objects) deepFreeze(item.object);
  const settings = defaultSettings({
    ...testCase.settings,
    ruleOptions: { [rule.id]: { ...rule.meta.defaultOptions, ...testCase.options } },
  });
  const result = scanLoaded(loaded, { rules: [rule], settings });
  const crashed = result.diagnostics.filter((d) => d.code === 'E_RULE_FAILED');
  if (crashed.length > 0) throw new Error(crashed.map((d) => d.message).join('\n'));
  return result.findings;
}

/**
 * Valid/invalid tables as in CONVENTIONS.md §3. Strict: rejects duplicate cases, invalid cases
 * without errors, unfilled `{{placeholders}}`, and an `output` that is still flagged.
 */
export const ruleTester = {
  run(rule: AnyRule, tests: RuleTests): void {
    const seen = new Set<string>();
    const unique = (yaml: string, options: unknown, settings: unknown) => {
      const key = `${yaml}\u0000${JSON.stringify(options ?? {})}\u0000${JSON.stringify(settings ?? {})}`;
      if (seen.has(key)) throw new Error(`duplicate test case for ${rule.id}:\n${yaml}`);
      seen.add(key);
    };
    describe(rule.id, () => {
      tests.valid.forEach((entry, i) => {
        const testCase = typeof entry === 'string' ? { yaml: entry } : entry;
        unique(testCase.yaml, testCase.options, testCase.settings);
        it(`valid #${i}${testCase.name === undefined ? '' : `: ${testCase.name}`}`, () => {
          expect(runRule(rule, testCase).map((f) => f.message)).toEqual([]);
        });
      });
      tests.invalid.forEach((testCase, i) => {
        unique(testCase.yaml, testCase.options, testCase.settings);
        if (testCase.errors.length === 0)
          throw new Error(`invalid case #${i} of ${rule.id} has no errors`);
        it(`invalid #${i}${testCase.name === undefined ? '' : `: ${testCase.name}`}`, () => {
          const findings = runRule(rule, testCase);
          for (const f of findings) expect(f.message).not.toMatch(/\{\{\s*[\w.-]+\s*\}\}/);
          const actual = findings.map((f, k) => {
            const expected = testCase.errors[k];
            return {
              messageId: messageIdOf(rule, f.message),
              ...(expected?.line === undefined ? {} : { line: f.location?.line }),
              ...(expected?.column === undefined ? {} : { column: f.location?.column }),
              ...(expected?.message === undefined
                ? {}
                : { message: f.message.includes(expected.message) ? expected.message : f.message }),
              ...(expected?.severity === undefined ? {} : { severity: f.severity }),
            };
          });
          expect(actual).toEqual(testCase.errors);
          if (testCase.output !== undefined) {
            if (fixApplier === undefined) throw new Error('no fix applier is installed');
            const fixed = fixApplier(testCase.yaml, findings);
            expect(fixed).toBe(testCase.output);
            const again = runRule(rule, { ...testCase, yaml: fixed });
            expect(again.filter((f) => f.fix !== undefined).map((f) => f.message)).toEqual([]);
          }
        });
      });
    });
  },
};

/** Which message template produced a message (templates are matched with placeholders as wildcards). */
function messageIdOf(rule: AnyRule, message: string): string {
  for (const [id, template] of Object.entries(rule.meta.messages as Record<string, string>)) {
    const pattern = template
      .split(/\{\{\s*[\w.-]+\s*\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    if (new RegExp(`^${pattern}$`).test(message)) return id;
  }
  return `<no template matches: ${message}>`;
}
