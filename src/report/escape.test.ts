import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeHtml, escapeTerminal, escapeXmlAttribute, escapeXmlText } from './escape.ts';
import { pathToString } from './internal/describe.ts';
import { FORMATS, isFormat, reporters } from './index.ts';

describe('escapeHtml', () => {
  test('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x" + 'y' & 1)</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39; &amp; 1)&lt;/script&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('XML escaping', () => {
  test('text escapes markup; attributes also escape quotes and keep whitespace as references', () => {
    expect(escapeXmlText(`a<b>&"c"'d'\n`)).toBe(`a&lt;b&gt;&amp;"c"'d'\n`);
    expect(escapeXmlAttribute(`a<b>&"c"'d'\n\t\r`)).toBe(
      'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#9;&#13;',
    );
  });

  test('replaces characters XML 1.0 cannot represent', () => {
    expect(escapeXmlText('a\u0000b\u001bc\uFFFEd\uD83De')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXmlText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  test('agrees with a character-by-character reading of the rules on any string', () => {
    // The escaper works by pattern; this reference walks code points one by one.
    const reference = (value: string, attribute: boolean): string => {
      let out = '';
      for (const ch of value.toWellFormed()) {
        const code = ch.codePointAt(0) ?? 0;
        const whitespace = code === 0x09 || code === 0x0a || code === 0x0d;
        if (ch === '&') out += '&amp;';
        else if (ch === '<') out += '&lt;';
        else if (ch === '>') out += '&gt;';
        else if (attribute && ch === '"') out += '&quot;';
        else if (attribute && ch === "'") out += '&apos;';
        else if ((code < 0x20 && !whitespace) || code === 0xfffe || code === 0xffff)
          out += '\uFFFD';
        else if (attribute && whitespace) out += `&#${code};`;
        else out += ch;
      }
      return out;
    };
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('&', '<', '"', '\n', '\t', '\u0001', '\uD83D', '\uDE00', '\uFFFE', 'é'),
        fc.string({ unit: 'grapheme-ascii', maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeXmlText(value)).toBe(reference(value, false));
        expect(escapeXmlAttribute(value)).toBe(reference(value, true));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('escapeTerminal', () => {
  test('makes control and bidi characters visible', () => {
    expect(escapeTerminal('a\nb\tc\rd\u001b[2Je\u0007\u009b\u202E\u2066')).toBe(
      'a\\nb\\tc\\rd\\u001b[2Je\\u0007\\u009b\\u202e\\u2066',
    );
    expect(escapeTerminal('plain "text" <ok> ünïcode 😀')).toBe('plain "text" <ok> ünïcode 😀');
  });
});

describe('pathToString', () => {
  test('dots for identifiers, brackets for indexes and other keys', () => {
    expect(pathToString(['spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(
      'spec.containers[0].securityContext.privileged',
    );
    expect(pathToString(['metadata', 'annotations', 'kubeward.io/ignore'])).toBe(
      'metadata.annotations["kubeward.io/ignore"]',
    );
    expect(pathToString([0, 'a'])).toBe('[0].a');
    expect(pathToString([])).toBe('');
  });
});

describe('index', () => {
  test('every format has a reporter', () => {
    expect(Object.keys(reporters)).toEqual([...FORMATS]);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('xml')).toBe(false);
  });
});
