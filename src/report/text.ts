import { styleText } from 'node:util';
import { SEVERITIES } from '../engine/finding.ts';
import type { Diagnostic, Finding, Severity } from '../engine/finding.ts';
import type { ReportContext, Reporter, ScanResult } from './context.ts';
import { escapeTerminal } from './escape.ts';
import {
  cachedIn,
  groupBy,
  objectIdentity,
  plural,
  relativeFile,
  summarize,
} from './internal/describe.ts';

type Style = Parameters<typeof styleText>[0];
type Paint = (style: Style, text: string) => string;

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: ['bold', 'red'],
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};

/** Messages longer than this do not push the rule-id column further right. */
const MAX_MESSAGE_PAD = 72;
/** Group heading for findings on objects that come from a cluster rather than a file. */
const CLUSTER = 'cluster';

const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

function painter(color: boolean): Paint {
  // validateStream: false, or styleText would check process.stdout itself; the CLI decided already.
  return color ? (style, text) => styleText(style, text, { validateStream: false }) : (_, t) => t;
}

/**
 * Pads after styling, so escape sequences never count towards a column's width; an overlong value still
 * keeps two spaces before the next column.
 */
function cell(paint: Paint, style: Style, text: string, width: number): string {
  return paint(style, text) + ' '.repeat(Math.max(2, width - text.length));
}

function position(finding: Finding): string {
  return finding.location ? `${finding.location.line}:${finding.location.column}` : '-';
}

function findingLines(findings: readonly Finding[], ctx: ReportContext, paint: Paint): string[] {
  const posWidth = Math.max(...findings.map((f) => position(f).length));
  const msgWidth = Math.min(
    MAX_MESSAGE_PAD,
    Math.max(...findings.map((f) => escapeTerminal(f.message).length)),
  );
  // Thousands of findings share a few hundred files: resolve each file name once.
  const shown = new Map<string, string>();
  const fileOf = (file: string): string => cachedIn(shown, file, () => relativeFile(ctx.cwd, file));
  const byFile = groupBy(findings, (f) => (f.location ? fileOf(f.location.file) : undefined));
  // Findings without a location come last, under one `cluster` heading.
  const files = [...byFile.keys()].sort(
    (a, b) => Number(a === undefined) - Number(b === undefined),
  );
  const lines: string[] = [];
  for (const file of files) {
    lines.push(paint('underline', file === undefined ? CLUSTER : escapeTerminal(file)));
    const byObject = groupBy(byFile.get(file) ?? [], (f) => objectIdentity(f.object));
    for (const [identity, group] of byObject) {
      lines.push(`  ${paint('bold', escapeTerminal(identity))}`);
      for (const f of group) {
        lines.push(
          '    ' +
            cell(paint, 'dim', position(f), posWidth + 2) +
            cell(paint, SEVERITY_STYLE[f.severity], f.severity, SEVERITY_WIDTH + 2) +
            cell(paint, 'none', escapeTerminal(f.message), msgWidth + 2) +
            paint('dim', escapeTerminal(f.ruleId)),
        );
      }
    }
    lines.push('');
  }
  return lines;
}

function diagnosticLocation(d: Diagnostic, ctx: ReportContext): string {
  if (d.file === undefined) return '-';
  let out = escapeTerminal(relativeFile(ctx.cwd, d.file));
  if (d.line !== undefined) out += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) out += `:${d.column}`;
  return out;
}

function diagnosticLines(result: ScanResult, ctx: ReportContext, paint: Paint): string[] {
  if (result.diagnostics.length === 0) return [];
  const { error, warning, info } = summarize(result).diagnostics;
  const lines = [
    paint(
      'bold',
      `Diagnostics (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info)`,
    ),
  ];
  // Info diagnostics are only counted; errors and warnings keep the engine's order.
  const shown = result.diagnostics.filter((d) => d.level !== 'info');
  const locWidth = Math.max(0, ...shown.map((d) => diagnosticLocation(d, ctx).length));
  const codeWidth = Math.max(0, ...shown.map((d) => escapeTerminal(d.code).length));
  for (const d of shown) {
    const message = d.ruleId === undefined ? d.message : `${d.message} (rule ${d.ruleId})`;
    lines.push(
      '  ' +
        cell(paint, 'dim', diagnosticLocation(d, ctx), locWidth + 2) +
        cell(paint, d.level === 'error' ? 'red' : 'yellow', d.level, 'warning'.length + 2) +
        cell(paint, 'none', escapeTerminal(d.code), codeWidth + 2) +
        escapeTerminal(message),
    );
  }
  lines.push('');
  return lines;
}

function summaryLine(result: ScanResult, paint: Paint): string {
  const s = summarize(result);
  const tail = `${s.suppressed} suppressed, in ${plural(s.files, 'file')} / ${plural(s.objects, 'object')}`;
  if (s.findings === 0) return `${paint(['bold', 'green'], 'No findings.')} ${tail}`;
  const counts = SEVERITIES.map((sev) => `${s.bySeverity[sev]} ${sev}`).join(', ');
  return `${paint('bold', plural(s.findings, 'finding'))} (${counts}), ${tail}`;
}

/**
 * Human-readable report: findings grouped by file and object, then diagnostics, then a summary line.
 * Colours only when `ctx.color`; every value from the scanned input is stripped of control characters.
 */
export const text: Reporter = (result, ctx) => {
  const paint = painter(ctx.color);
  const lines = [
    ...(result.findings.length > 0 ? findingLines(result.findings, ctx, paint) : []),
    ...diagnosticLines(result, ctx, paint),
    summaryLine(result, paint),
  ];
  return `${lines.join('\n')}\n`;
};
