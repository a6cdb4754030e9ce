import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { context, EMPTY, FINDINGS, RESULT, RULES } from './__fixtures__/scan-result.ts';
import { html } from './html.ts';

function between(out: string, open: string, close: string): string {
  const start = out.indexOf(open) + open.length;
  return out.slice(start, out.indexOf(close, start));
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64');

describe('html reporter', () => {
  test('matches the golden page', async () => {
    await expect(html(RESULT, context())).toMatchFileSnapshot('./__golden__/report.html');
  });

  test('is self-contained, and its CSP admits exactly its own style and script', () => {
    const out = html(RESULT, context());
    expect(out).not.toMatch(/<link|<img|<iframe|\ssrc=|url\(|@import/i);
    // The attribute value is HTML-escaped like every other; a browser decodes &#39; back to a quote.
    const csp = between(out, 'http-equiv="Content-Security-Policy" content="', '"').replaceAll(
      '&#39;',
      "'",
    );
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`'sha256-${sha256(between(out, '<style>', '</style>'))}'`);
    expect(csp).toContain(`'sha256-${sha256(between(out, '<script>', '</script>'))}'`);
    expect(out).toContain('<svg role="img" aria-label="Findings by severity"');
  });

  test('escapes every value from the scan', () => {
    const [first] = FINDINGS;
    if (!first) throw new Error('fixture');
    const evil = {
      ...first,
      ruleId: 'x"><script>alert(1)</script>',
      message: '</td><script>alert(2)</script>\n& "quoted"',
      object: { ...first.object, name: `"><img src=x onerror=alert(3)>` },
    };
    const out = html({ ...EMPTY, findings: [evil] }, context());
    expect(out.match(/<script>/g)).toHaveLength(1);
    expect(out).not.toContain('<img');
    expect(out).toContain(
      '&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n&amp; &quot;quoted&quot;',
    );
  });

  test('links rule help only for http(s) URLs', () => {
    const rules = RULES.map((r, i) => (i === 0 ? { ...r, helpUri: 'javascript:alert(1)' } : r));
    const out = html(RESULT, context({ rules }));
    expect(out).not.toContain('javascript:');
    expect(out).toContain(
      '<a href="https://kubeward.example/rules/image-tag-latest">image-tag-latest</a>',
    );
  });

  test('the inline script filters rows by text and severity', () => {
    const script = between(html(RESULT, context()), '<script>', '</script>');
    const rows = [
      { dataset: { severity: 'high' }, textContent: 'ClusterRole ops-admin', hidden: false },
      { dataset: { severity: 'low' }, textContent: 'Deployment web', hidden: false },
    ];
    const handlers = new Map<string, () => void>();
    const input = (id: string) => ({
      value: '',
      addEventListener: (_: string, fn: () => void) => handlers.set(id, fn),
    });
    const q = input('q');
    const sev = input('sev');
    const document = {
      getElementById: (id: string) => (id === 'q' ? q : id === 'sev' ? sev : null),
      querySelectorAll: () => rows,
    };
    runInNewContext(script, { document });
    q.value = 'WEB';
    handlers.get('q')?.();
    expect(rows.map((r) => r.hidden)).toEqual([true, false]);
    q.value = '';
    sev.value = 'high';
    handlers.get('sev')?.();
    expect(rows.map((r) => r.hidden)).toEqual([false, true]);
  });

  test('an empty scan renders without a findings table', () => {
    const out = html(EMPTY, context());
    expect(out).toContain('<p>No findings.</p>');
    expect(out).not.toContain('id="findings"');
    const document = { getElementById: () => null, querySelectorAll: () => [] };
    expect(() => {
      runInNewContext(between(out, '<script>', '</script>'), { document });
    }).not.toThrow();
  });
});
