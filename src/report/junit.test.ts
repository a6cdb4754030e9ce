import { describe, expect, test } from 'vitest';
import { context, EMPTY, FINDINGS, RESULT } from './__fixtures__/scan-result.ts';
import { junit } from './junit.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes character data, throwing on a bare `&`, an unknown entity or a character XML 1.0 forbids. */
function decode(raw: string): string {
  for (const ch of raw) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) {
      throw new Error(`forbidden character U+${c.toString(16)}`);
    }
  }
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error('bare &');
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

/**
 * A tiny XML parser for elements, attributes and text (enough for JUnit): it throws on anything that is
 * not well-formed XML, such as mismatched tags, duplicate attributes or unescaped markup characters.
 */
function parseXml(xml: string): XmlElement {
  let i = 0;
  const expect = (s: string): void => {
    if (!xml.startsWith(s, i)) throw new Error(`expected ${s} at ${i}: ${xml.slice(i, i + 20)}`);
    i += s.length;
  };
  const skipSpace = (): void => {
    while (i < xml.length && ' \t\r\n'.includes(xml.charAt(i))) i += 1;
  };
  const name = (): string => {
    const m = NAME.exec(xml.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    expect('<');
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) return ((i += 2), el);
      if (xml.startsWith('>', i)) break;
      if (i === before) throw new Error(`expected whitespace before attribute at ${i}`);
      const attr = name();
      if (attr in el.attributes) throw new Error(`duplicate attribute ${attr}`);
      expect('=');
      const quote = xml.charAt(i);
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr}`);
      const end = xml.indexOf(quote, i + 1);
      const raw = xml.slice(i + 1, end);
      if (end < 0 || raw.includes('<')) throw new Error(`bad attribute ${attr}`);
      el.attributes[attr] = decode(raw);
      i = end + 1;
    }
    expect('>');
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) throw new Error(']]> in text');
      el.text += decode(raw);
      i = lt;
      if (xml.startsWith('</', i)) break;
      el.children.push(element());
    }
    expect(`</${el.name}`);
    skipSpace();
    expect('>');
    return el;
  };
  expect('<?xml version="1.0" encoding="UTF-8"?>\n');
  const root = element();
  if (xml.slice(i).trim() !== '') throw new Error('content after the root element');
  return root;
}

describe('junit reporter', () => {
  test('matches the golden report', async () => {
    await expect(junit(RESULT, context())).toMatchFileSnapshot('./__golden__/report.junit.xml');
  });

  test('is well-formed, with one suite per rule and a tool suite for errors', () => {
    const root = parseXml(junit(RESULT, context()));
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attributes.name)).toEqual([
      ...context().rules.map((r) => r.id),
      'kubeward',
    ]);
    expect(root.attributes).toMatchObject({
      tests: '11',
      failures: '6',
      errors: '2',
      skipped: '2',
    });
    const privileged = root.children[0]?.children[0];
    expect(privileged?.attributes).toEqual({
      classname: 'Deployment/prod/web',
      name: 'deploy/web.yaml:21',
    });
    expect(privileged?.children[0]?.attributes).toEqual({
      message: 'Container "web" runs privileged.',
      type: 'critical',
    });
    const probe = root.children.find((s) => s.attributes.name === 'liveness-probe-missing');
    expect(probe?.children.map((c) => [c.attributes.name, c.children.length])).toEqual([
      ['no findings', 0],
    ]);
  });

  test('escapes markup, quotes, newlines and characters XML cannot hold', () => {
    const [first] = FINDINGS;
    if (!first) throw new Error('fixture');
    const message = `a "b" 'c' <d> & e ]]> f\nline\ttab\u0001\u0000 \uD800 end`;
    const root = parseXml(junit({ ...EMPTY, findings: [{ ...first, message }] }, context()));
    const failure = root.children.find((s) => s.attributes.name === first.ruleId)?.children[0]
      ?.children[0];
    expect(failure?.attributes.message).toBe(
      `a "b" 'c' <d> & e ]]> f\nline\ttab\uFFFD\uFFFD \uFFFD end`,
    );
    expect(failure?.text.startsWith(`a "b" 'c' <d> & e ]]> f\nline\ttab`)).toBe(true);
  });

  test('an empty scan passes every rule', () => {
    const root = parseXml(junit(EMPTY, context()));
    expect(root.attributes).toMatchObject({ tests: '6', failures: '0', errors: '0', skipped: '0' });
    expect(parseXml(junit(EMPTY, context({ rules: [] }))).children).toEqual([]);
  });

  test('the checker rejects malformed XML', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of [
      '<a><b></a>',
      '<a x="1" x="2"/>',
      '<a>&</a>',
      '<a x="<"/>',
      '<a>]]></a>',
      '<a/><b/>',
    ]) {
      expect(() => parseXml(head + bad)).toThrow();
    }
    expect(parseXml(`${head}<a x='&apos;&#10;'>t&amp;<b/></a>\n`).attributes.x).toBe("'\n");
  });
});
