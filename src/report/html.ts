import { createHash } from 'node:crypto';
import { SEVERITIES } from '../engine/finding.ts';
import type { Diagnostic, Finding } from '../engine/finding.ts';
import type { ReportContext, Reporter } from './context.ts';
import { escapeHtml } from './escape.ts';
import {
  objectIdentity,
  pathToString,
  plural,
  relativeFile,
  summarize,
} from './internal/describe.ts';

/** Markup that is already safe; everything else that reaches `markup` goes through `escapeHtml`. */
class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

type Value = string | number | SafeHtml | readonly SafeHtml[];

/** Template tag that escapes every interpolated value, so no call site can forget to. */
function markup(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    if (typeof value === 'string' || typeof value === 'number') out += escapeHtml(String(value));
    else if (value instanceof SafeHtml) out += value.value;
    else out += value.map((v) => v.value).join('');
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{background:#f6f8fa}code{font-size:.85em;word-break:break-all}.muted{color:#59636e}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
.critical{color:#8b0000;fill:#8b0000}.high{color:#cf222e;fill:#cf222e}.medium{color:#9a6700;fill:#bf8700}
.low{color:#0969da;fill:#0969da}.info{color:#59636e;fill:#8c959f}
.filters{margin:.5rem 0;display:flex;gap:.5rem}input,select{font:inherit;padding:.2rem .4rem}
.message{white-space:pre-wrap}svg text{font-size:12px;fill:#1f2328}summary h2{display:inline}`;

// Static code: no scan data is interpolated into it, so it needs no escaping.
const SCRIPT = `
const q = document.getElementById('q'), sev = document.getElementById('sev');
const rows = document.querySelectorAll('#findings tbody tr');
function apply() {
  const text = q.value.toLowerCase(), level = sev.value;
  for (const row of rows) row.hidden = !((level === '' || row.dataset.severity === level) && row.textContent.toLowerCase().includes(text));
}
if (q && sev) { q.addEventListener('input', apply); sev.addEventListener('change', apply); }`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/** The CSP allows exactly this file's own style and script, so nothing can load or run from elsewhere. */
const CSP = `default-src 'none'; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; img-src data:`;

function link(href: string, label: string): SafeHtml {
  return /^https?:\/\//i.test(href) ? markup`<a href="${href}">${label}</a>` : markup`${label}`;
}

function chart(counts: Record<string, number>): SafeHtml {
  const max = Math.max(1, ...Object.values(counts));
  const bars = SEVERITIES.map((sev, i) => {
    const y = i * 24;
    const width = Math.round((counts[sev] ?? 0) * (280 / max));
    return markup`<text x="0" y="${y + 14}">${sev}</text><rect class="${sev}" x="70" y="${y + 2}" width="${width}" height="16" rx="2"/><text x="${width + 76}" y="${y + 14}">${counts[sev] ?? 0}</text>`;
  });
  return markup`<svg role="img" aria-label="Findings by severity" width="400" height="${SEVERITIES.length * 24}" viewBox="0 0 400 ${SEVERITIES.length * 24}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function where(f: Finding, ctx: ReportContext): string {
  return f.location
    ? `${relativeFile(ctx.cwd, f.location.file)}:${f.location.line}:${f.location.column}`
    : 'cluster';
}

function findingRows(findings: readonly Finding[], ctx: ReportContext): SafeHtml[] {
  const help = new Map(ctx.rules.map((r) => [r.id, r.helpUri]));
  return findings.map((f) => {
    const uri = help.get(f.ruleId);
    const reasons = (f.suppressions ?? []).map((s) => `${s.kind}: ${s.reason}`).join('; ');
    return markup`<tr data-severity="${f.severity}"><td class="sev ${f.severity}">${f.severity}</td><td>${uri === undefined ? f.ruleId : link(uri, f.ruleId)}</td><td>${objectIdentity(f.object)}</td><td><code>${where(f, ctx)}</code></td><td class="message">${f.message}${reasons === '' ? '' : markup`<br><span class="muted">Suppressed: ${reasons}</span>`}</td><td><code>${pathToString(f.path)}</code></td></tr>`;
  });
}

function table(id: string, findings: readonly Finding[], ctx: ReportContext): SafeHtml {
  return markup`<table id="${id}"><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Location</th><th>Message</th><th>Path</th></tr></thead><tbody>${findingRows(findings, ctx)}</tbody></table>`;
}

function diagnosticRows(diagnostics: readonly Diagnostic[], ctx: ReportContext): SafeHtml[] {
  return diagnostics.map((d) => {
    const file = d.file === undefined ? '' : relativeFile(ctx.cwd, d.file);
    const at =
      d.line === undefined
        ? file
        : `${file}:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
    return markup`<tr><td class="sev ${d.level === 'error' ? 'high' : 'medium'}">${d.level}</td><td><code>${d.code}</code></td><td><code>${at}</code></td><td class="message">${d.message}</td></tr>`;
  });
}

/** One self-contained HTML page: summary, severity chart, a filterable findings table, diagnostics. */
export const html: Reporter = (result, ctx) => {
  const s = summarize(result);
  const shown = result.diagnostics.filter((d) => d.level !== 'info');
  const options = SEVERITIES.map((sev) => markup`<option value="${sev}">${sev}</option>`);
  const summary = `${plural(s.findings, 'finding')}, ${s.suppressed} suppressed, in ${plural(s.files, 'file')} / ${plural(s.objects, 'object')}`;
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kubeward ${ctx.toolVersion}">
<title>Kubeward report</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<h1>Kubeward report</h1>
<p class="muted">${summary}</p>
${chart(s.bySeverity)}
<h2>Findings</h2>
${
  s.findings === 0
    ? markup`<p>No findings.</p>`
    : markup`<div class="filters"><input id="q" type="search" placeholder="Filter findings" aria-label="Filter findings"><select id="sev" aria-label="Severity"><option value="">all severities</option>${options}</select></div>
${table('findings', result.findings, ctx)}`
}
${result.suppressed.length === 0 ? '' : markup`<details><summary><h2>Suppressed (${result.suppressed.length})</h2></summary>${table('suppressed', result.suppressed, ctx)}</details>`}
<h2>Diagnostics</h2>
<p class="muted">${plural(s.diagnostics.error, 'error')}, ${plural(s.diagnostics.warning, 'warning')}, ${s.diagnostics.info} info</p>
${shown.length === 0 ? '' : markup`<table><thead><tr><th>Level</th><th>Code</th><th>Location</th><th>Message</th></tr></thead><tbody>${diagnosticRows(shown, ctx)}</tbody></table>`}
<script>${new SafeHtml(SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
};
