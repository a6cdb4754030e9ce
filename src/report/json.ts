import type {
  Diagnostic,
  Finding,
  FixOperation,
  ObjectPath,
  ObjectRef,
  Suppression,
} from '../engine/finding.ts';
import type { ReportContext, Reporter, ScanResult } from './context.ts';
import { cachedIn, pathToString, relativeFile, summarize } from './internal/describe.ts';

/**
 * Version of the JSON report's shape (`schema/kubeward-report.schema.json`, `docs/json-schema.md`).
 * Minor versions only add optional fields; anything else bumps the major version.
 */
export const JSON_SCHEMA_VERSION = '1.0';

// Every object below is built key by key, so the output's key order is part of the format.

function fixOperations(ops: readonly FixOperation[]): unknown[] {
  return ops.map((op) => ({
    op: op.op,
    path: [...op.path],
    pathString: pathToString(op.path),
    ...(op.value === undefined ? {} : { value: op.value }),
  }));
}

function findingJson(f: Finding, ctx: ReportContext): unknown {
  const loc = f.location;
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    title: f.title,
    object: {
      apiVersion: f.object.apiVersion,
      kind: f.object.kind,
      ...(f.object.namespace === undefined ? {} : { namespace: f.object.namespace }),
      name: f.object.name,
    },
    path: [...f.path],
    pathString: pathToString(f.path),
    message: f.message,
    ...(loc === undefined
      ? {}
      : {
          location: {
            file: relativeFile(ctx.cwd, loc.file),
            line: loc.line,
            column: loc.column,
            endLine: loc.endLine,
            endColumn: loc.endColumn,
            exact: loc.exact,
          },
        }),
    ...(f.fix && f.fix.length > 0 ? { fix: fixOperations(f.fix) } : {}),
    ...(f.suggest && f.suggest.length > 0 ? { suggest: fixOperations(f.suggest) } : {}),
    ...(f.evidence === undefined ? {} : { evidence: f.evidence }),
    fingerprint: f.fingerprint,
    references: [...f.references],
    suppressions: suppressionsJson(f.suppressions ?? []),
  };
}

function suppressionsJson(suppressions: readonly Suppression[]): unknown[] {
  return suppressions.map((s) => ({
    kind: s.kind,
    reason: s.reason,
    ...(s.expires === undefined ? {} : { expires: s.expires }),
  }));
}

function diagnosticJson(d: Diagnostic, ctx: ReportContext): unknown {
  return {
    code: d.code,
    level: d.level,
    message: d.message,
    ...(d.file === undefined ? {} : { file: relativeFile(ctx.cwd, d.file) }),
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
    ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
    ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
    ...(d.ruleId === undefined ? {} : { ruleId: d.ruleId }),
  };
}

/**
 * The report as a plain object, in its key order. `json` prints exactly
 * `JSON.stringify(reportObject(result, ctx), null, 2)` (tests hold it to that), only faster.
 */
export function reportObject(result: ScanResult, ctx: ReportContext): Record<string, unknown> {
  return {
    ...reportHead(result, ctx),
    findings: result.findings.map((f) => findingJson(f, ctx)),
    suppressed: result.suppressed.map((f) => findingJson(f, ctx)),
    diagnostics: result.diagnostics.map((d) => diagnosticJson(d, ctx)),
  };
}

/** The keys before the findings. */
function reportHead(result: ScanResult, ctx: ReportContext) {
  const s = summarize(result);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'kubeward', version: ctx.toolVersion },
    summary: {
      findings: s.findings,
      bySeverity: s.bySeverity,
      suppressed: s.suppressed,
      files: s.files,
      objects: s.objects,
      diagnostics: s.diagnostics,
    },
  };
}

/** Machine-readable report with a stable, versioned schema; 2-space indentation, trailing newline. */
export const json: Reporter = (result, ctx) => {
  const { schemaVersion, tool, summary } = reportHead(result, ctx);
  const findings = new FindingWriter(ctx);
  return (
    `{\n  "schemaVersion": ${JSON.stringify(schemaVersion)},\n` +
    `  "tool": ${nested(tool, '  ')},\n` +
    `  "summary": ${nested(summary, '  ')},\n` +
    `  "findings": ${findings.array(result.findings)},\n` +
    `  "suppressed": ${findings.array(result.suppressed)},\n` +
    `  "diagnostics": ${nested(
      result.diagnostics.map((d) => diagnosticJson(d, ctx)),
      '  ',
    )}\n}\n`
  );
};

// Strings without these print as themselves between quotes; others go through JSON.stringify.
// eslint-disable-next-line no-control-regex -- control characters are what needs escaping
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** A value printed as `JSON.stringify(value, null, 2)` would print it at this indentation. */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

const IN = '      ';

/**
 * Prints findings exactly as `JSON.stringify(findingJson(f), null, 2)` would inside the report,
 * several times faster: a real-world scan has ~11,600 findings (17 MB of JSON) and V8's
 * indenting serialiser spent ~0.3 s on them. What repeats (a rule's header, an object's identity,
 * a rule's references, a file name) is printed once and reused.
 */
class FindingWriter {
  readonly #ctx: ReportContext;
  readonly #heads = new Map<string, string>();
  readonly #objects = new Map<ObjectRef, string>();
  readonly #references = new Map<readonly string[], string>();
  readonly #files = new Map<string, string>();

  constructor(ctx: ReportContext) {
    this.#ctx = ctx;
  }

  array(findings: readonly Finding[]): string {
    if (findings.length === 0) return '[]';
    return `[\n${findings.map((f) => this.#finding(f)).join(',\n')}\n  ]`;
  }

  #finding(f: Finding): string {
    let out =
      this.#head(f) +
      this.#object(f.object) +
      `${IN}"path": ${pathArray(f.path)},\n` +
      `${IN}"pathString": ${quote(pathToString(f.path))},\n` +
      `${IN}"message": ${quote(f.message)},\n`;
    const loc = f.location;
    if (loc !== undefined) {
      out +=
        `${IN}"location": {\n${IN}  "file": ${this.#file(loc.file)},\n` +
        `${IN}  "line": ${loc.line},\n${IN}  "column": ${loc.column},\n` +
        `${IN}  "endLine": ${loc.endLine},\n${IN}  "endColumn": ${loc.endColumn},\n` +
        `${IN}  "exact": ${loc.exact}\n${IN}},\n`;
    }
    if (f.fix && f.fix.length > 0) out += `${IN}"fix": ${nested(fixOperations(f.fix), IN)},\n`;
    if (f.suggest && f.suggest.length > 0)
      out += `${IN}"suggest": ${nested(fixOperations(f.suggest), IN)},\n`;
    if (f.evidence !== undefined) out += `${IN}"evidence": ${nested(f.evidence, IN)},\n`;
    return (
      `${out}${IN}"fingerprint": ${quote(f.fingerprint)},\n` +
      `${IN}"references": ${this.#referencesOf(f.references)},\n` +
      `${IN}"suppressions": ${nested(suppressionsJson(f.suppressions ?? []), IN)}\n    }`
    );
  }

  #head(f: Finding): string {
    const key = `${f.ruleId}\u0000${f.severity}\u0000${f.category}\u0000${f.title}`;
    return cachedIn(
      this.#heads,
      key,
      () =>
        `    {\n${IN}"ruleId": ${quote(f.ruleId)},\n${IN}"severity": ${quote(f.severity)},\n` +
        `${IN}"category": ${quote(f.category)},\n${IN}"title": ${quote(f.title)},\n`,
    );
  }

  // Keyed by identity: the engine shares one ref per object across its findings.
  #object(ref: ObjectRef): string {
    return cachedIn(
      this.#objects,
      ref,
      () =>
        `${IN}"object": {\n${IN}  "apiVersion": ${quote(ref.apiVersion)},\n` +
        `${IN}  "kind": ${quote(ref.kind)},\n` +
        (ref.namespace === undefined ? '' : `${IN}  "namespace": ${quote(ref.namespace)},\n`) +
        `${IN}  "name": ${quote(ref.name)}\n${IN}},\n`,
    );
  }

  #referencesOf(references: readonly string[]): string {
    return cachedIn(this.#references, references, () => nested(references, IN));
  }

  #file(file: string): string {
    return cachedIn(this.#files, file, () => quote(relativeFile(this.#ctx.cwd, file)));
  }
}

function pathArray(path: ObjectPath): string {
  if (path.length === 0) return '[]';
  let out = '[\n';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] ?? '';
    out += `${IN}  ${typeof segment === 'number' ? JSON.stringify(segment) : quote(segment)}`;
    out += i + 1 < path.length ? ',\n' : '\n';
  }
  return `${out}${IN}]`;
}
