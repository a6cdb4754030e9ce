import type { Diagnostic, Finding, FixOperation } from '../engine/finding.ts';
import type { ReportContext, Reporter } from './context.ts';
import { pathToString, relativeFile, summarize } from './internal/describe.ts';

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
    suppressions: (f.suppressions ?? []).map((s) => ({
      kind: s.kind,
      reason: s.reason,
      ...(s.expires === undefined ? {} : { expires: s.expires }),
    })),
  };
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

/** Machine-readable report with a stable, versioned schema; 2-space indentation, trailing newline. */
export const json: Reporter = (result, ctx) => {
  const s = summarize(result);
  const report = {
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
    findings: result.findings.map((f) => findingJson(f, ctx)),
    suppressed: result.suppressed.map((f) => findingJson(f, ctx)),
    diagnostics: result.diagnostics.map((d) => diagnosticJson(d, ctx)),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
