import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ArtifactLocation,
  Fix,
  Invocation,
  Location,
  Log,
  Notification,
  Region,
  Result,
  Suppression as SarifSuppression,
} from 'sarif';
import type { Diagnostic, Finding, Suppression } from '../engine/finding.ts';
import type { ReportContext, Reporter } from './context.ts';
import { isOutside, objectIdentity, pathToString, relativeFile } from './internal/describe.ts';
import { ruleDescriptors, SARIF_LEVEL, SECURITY_SEVERITY } from './internal/sarif-rules.ts';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const KUBEWARD_INFORMATION_URI = 'https://github.com/kubeward/kubeward';
/** Key of the fingerprint in `partialFingerprints`; bump the suffix if fingerprints ever change meaning. */
export const FINGERPRINT_KEY = 'kubeward/v1';
const SRCROOT = '%SRCROOT%';

/** Files under `cwd` are relative to `%SRCROOT%`, so the log does not depend on where it was produced. */
function artifactLocation(cwd: string, file: string): ArtifactLocation {
  if (isOutside(cwd, file)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  const uri = relativeFile(cwd, file)
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

function location(f: Finding, cwd: string): Location {
  const loc = f.location;
  return {
    ...(loc === undefined
      ? {}
      : {
          physicalLocation: {
            artifactLocation: artifactLocation(cwd, loc.file),
            region: {
              startLine: loc.line,
              startColumn: loc.column,
              endLine: loc.endLine,
              endColumn: loc.endColumn,
            },
          },
        }),
    logicalLocations: [
      {
        name: f.object.name,
        fullyQualifiedName: objectIdentity(f.object),
        kind: 'resource',
        properties: {
          apiVersion: f.object.apiVersion,
          kind: f.object.kind,
          ...(f.object.namespace === undefined ? {} : { namespace: f.object.namespace }),
        },
      },
    ],
  };
}

/** Annotations live in the scanned manifest (`inSource`); ignore files and baselines do not. */
function suppression(s: Suppression): SarifSuppression {
  return {
    kind: s.kind === 'annotation' ? 'inSource' : 'external',
    status: 'accepted',
    justification: s.reason,
    properties: { source: s.kind, ...(s.expires === undefined ? {} : { expires: s.expires }) },
  };
}

/** SARIF `fixes`, when the engine can express the finding's `fix` as text edits (`ctx.fixes`). */
function fixes(f: Finding, ctx: ReportContext): Fix[] {
  if (ctx.fixes === undefined || f.fix === undefined || f.fix.length === 0) return [];
  const edits = ctx.fixes(f);
  if (edits === undefined || edits.edits.length === 0) return [];
  return [
    {
      description: { text: `Apply the kubeward fix for ${f.ruleId}.` },
      artifactChanges: [
        {
          artifactLocation: artifactLocation(ctx.cwd, edits.file),
          replacements: edits.edits.map((e) => ({
            deletedRegion: {
              startLine: e.startLine,
              startColumn: e.startColumn,
              endLine: e.endLine,
              endColumn: e.endColumn,
            },
            insertedContent: { text: e.insertedText },
          })),
        },
      ],
    },
  ];
}

function result(
  f: Finding,
  ctx: ReportContext,
  ruleIndex: Map<string, number>,
  suppressed: boolean,
): Result {
  const fix = fixes(f, ctx);
  // A suppressed finding always carries at least one suppression, or SARIF would read it as active.
  const sups = f.suppressions ?? [];
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f, ctx.cwd)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    suppressions: suppressed
      ? sups.length > 0
        ? sups.map(suppression)
        : [{ kind: 'external', status: 'accepted' }]
      : [],
    ...(fix.length > 0 ? { fixes: fix } : {}),
    properties: {
      severity: f.severity,
      category: f.category,
      path: pathToString(f.path),
      // Per-finding severity may differ from the rule's default (GitLab reads it here).
      'security-severity': SECURITY_SEVERITY[f.severity],
    },
  };
}

function notification(
  d: Diagnostic,
  ctx: ReportContext,
  ruleIndex: Map<string, number>,
): Notification {
  const region: Region | undefined =
    d.line === undefined
      ? undefined
      : {
          startLine: d.line,
          ...(d.column === undefined ? {} : { startColumn: d.column }),
          ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
          ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
        };
  const index = d.ruleId === undefined ? undefined : ruleIndex.get(d.ruleId);
  return {
    level: d.level === 'error' ? 'error' : 'warning',
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(d.file === undefined
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(ctx.cwd, d.file),
                ...(region === undefined ? {} : { region }),
              },
            },
          ],
        }),
    ...(d.ruleId === undefined
      ? {}
      : { associatedRule: { id: d.ruleId, ...(index === undefined ? {} : { index }) } }),
  };
}

/**
 * SARIF 2.1.0 log with one run: every rule that ran, active and suppressed results (the latter marked
 * with `suppressions`), and error/warning diagnostics as tool execution notifications.
 */
export const sarif: Reporter = (scan, ctx) => {
  const { descriptors, index } = ruleDescriptors(ctx.rules, [...scan.findings, ...scan.suppressed]);
  const invocation: Invocation = {
    // Bad input and crashed rules are errors: the scan ran, but did not see everything.
    executionSuccessful: scan.diagnostics.every((d) => d.level !== 'error'),
    toolExecutionNotifications: scan.diagnostics
      .filter((d) => d.level !== 'info')
      .map((d) => notification(d, ctx, index)),
  };
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeward',
            version: ctx.toolVersion,
            informationUri: KUBEWARD_INFORMATION_URI,
            rules: descriptors,
          },
        },
        invocations: [invocation],
        // %SRCROOT% is left for the consumer to bind (GitHub binds it to the checkout): an
        // absolute directory here would make the log depend on where the scan ran.
        columnKind: 'utf16CodeUnits',
        results: [
          ...scan.findings.map((f) => result(f, ctx, index, false)),
          ...scan.suppressed.map((f) => result(f, ctx, index, true)),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
