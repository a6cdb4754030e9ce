import type { Diagnostic, Finding } from '../engine/finding.ts';
import type { ReportContext, Reporter } from './context.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escape.ts';
import { objectIdentity, pathToString, relativeFile } from './internal/describe.ts';

/** Suite that holds error diagnostics, which belong to no rule. */
const TOOL_SUITE = 'kubeward';

interface Suite {
  name: string;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
}

function caseName(f: Finding, ctx: ReportContext): string {
  if (f.location === undefined) return pathToString(f.path) || objectIdentity(f.object);
  return `${relativeFile(ctx.cwd, f.location.file)}:${f.location.line}`;
}

function failureBody(f: Finding, ctx: ReportContext, helpUri: string | undefined): string {
  const loc = f.location;
  const lines = [
    f.message,
    '',
    `Rule: ${f.ruleId} (${f.title})`,
    `Severity: ${f.severity}`,
    `Object: ${objectIdentity(f.object)}`,
    `Path: ${pathToString(f.path)}`,
    ...(loc ? [`Location: ${relativeFile(ctx.cwd, loc.file)}:${loc.line}:${loc.column}`] : []),
    ...(helpUri === undefined ? [] : [`Help: ${helpUri}`]),
    ...f.references.map((r) => `Reference: ${r}`),
  ];
  return text(lines.join('\n'));
}

function testcase(classname: string, name: string, child?: string): string {
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}"`;
  return child === undefined ? `${open}/>` : `${open}>\n      ${child}\n    </testcase>`;
}

function findingCase(f: Finding, ctx: ReportContext, helpUri: string | undefined): string {
  const failure =
    `<failure message="${attr(f.message)}" type="${attr(f.severity)}">` +
    `${failureBody(f, ctx, helpUri)}</failure>`;
  return testcase(objectIdentity(f.object), caseName(f, ctx), failure);
}

function suppressedCase(f: Finding, ctx: ReportContext): string {
  const reasons = (f.suppressions ?? []).map((s) => `${s.kind}: ${s.reason}`).join('; ');
  const message = reasons === '' ? 'suppressed' : `suppressed (${reasons})`;
  return testcase(
    objectIdentity(f.object),
    caseName(f, ctx),
    `<skipped message="${attr(message)}"/>`,
  );
}

function diagnosticCase(d: Diagnostic, ctx: ReportContext): string {
  const file = d.file === undefined ? undefined : relativeFile(ctx.cwd, d.file);
  const name = file === undefined ? d.code : d.line === undefined ? file : `${file}:${d.line}`;
  const error = `<error message="${attr(d.message)}" type="${attr(d.code)}">${text(d.message)}</error>`;
  return testcase(d.ruleId ?? TOOL_SUITE, name, error);
}

function suiteXml(s: Suite): string {
  const tests = s.cases.length;
  const head =
    `  <testsuite name="${attr(s.name)}" tests="${tests}" failures="${s.failures}" ` +
    `errors="${s.errors}" skipped="${s.skipped}">`;
  return [head, ...s.cases, '  </testsuite>'].join('\n');
}

/**
 * JUnit XML: one suite per rule that ran, one failing test case per finding, one passing `no findings`
 * case for a clean rule, suppressed findings as skipped cases, and error diagnostics in a `kubeward` suite.
 */
export const junit: Reporter = (result, ctx) => {
  const suites = new Map<string, Suite>();
  const suite = (name: string): Suite => {
    let s = suites.get(name);
    if (s === undefined) {
      s = { name, cases: [], failures: 0, errors: 0, skipped: 0 };
      suites.set(name, s);
    }
    return s;
  };
  const helpUris = new Map(ctx.rules.map((r) => [r.id, r.helpUri]));
  for (const rule of ctx.rules) suite(rule.id);
  for (const f of result.findings) {
    const s = suite(f.ruleId);
    s.cases.push(findingCase(f, ctx, helpUris.get(f.ruleId)));
    s.failures += 1;
  }
  for (const s of suites.values()) {
    if (s.failures === 0) s.cases.push(testcase(s.name, 'no findings'));
  }
  for (const f of result.suppressed) {
    const s = suite(f.ruleId);
    if (s.cases.length === 0) s.cases.push(testcase(s.name, 'no findings'));
    s.cases.push(suppressedCase(f, ctx));
    s.skipped += 1;
  }
  const errors = result.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    const s = suite(TOOL_SUITE);
    for (const d of errors) s.cases.push(diagnosticCase(d, ctx));
    s.errors += errors.length;
  }
  const all = [...suites.values()];
  const sum = (pick: (s: Suite) => number): number => all.reduce((n, s) => n + pick(s), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubeward" tests="${sum((s) => s.cases.length)}" failures="${sum((s) => s.failures)}" ` +
      `errors="${sum((s) => s.errors)}" skipped="${sum((s) => s.skipped)}">`,
    ...all.map(suiteXml),
    '</testsuites>',
    '',
  ].join('\n');
};
