/** Thrown for a pattern RE2 rejects, or one too risky to run on a backtracking engine. */
export class RegexError extends Error {
  override readonly name = 'RegexError';
}

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const SYNTAX = new Set('^$\\.*+?()[]{}|/-');
const PERL_SPACE = '\\t\\n\\f\\r ';
const MAX_REPEAT = 1000;
interface Group {
  alternation: boolean;
  unboundedInside: boolean;
  lastMandatoryLiteral: boolean;
}

export function translate(pattern: string): { source: string; flags: string } {
  let flags = '';
  let rest = pattern;
  const prefix = /^\(\?([imsU]+)\)/.exec(rest);
  if (prefix !== null) {
    const given = prefix[1] ?? '';
    if (given.includes('U')) throw unsupported('(?U)', pattern);
    flags = [...new Set(given.split(''))].join('');
    rest = rest.slice(prefix[0].length);
  }
  let out = '';
  const stack: Group[] = [
    { alternation: false, unboundedInside: false, lastMandatoryLiteral: false },
  ];
  let lastAtomStart = -1;
  const top = (): Group =>
    stack[stack.length - 1] ?? {
      alternation: false,
      unboundedInside: false,
      lastMandatoryLiteral: false,
    };
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charAt(i);
    if (c === '\\') {
      const [text, length, literal] = escape(rest, i, pattern, false);
      lastAtomStart = out.length;
      out += text;
      top().lastMandatoryLiteral = literal;
      i += length - 1;
    } else if (c === '[') {
      const end = classEnd(rest, i);
      lastAtomStart = out.length;
      out += translateClass(rest.slice(i, end + 1), pattern);
      top().lastMandatoryLiteral = true;
      i = end;
    } else if (c === '(') {
      if (rest.startsWith('(?P<', i)) {
        out += '(?<';
        i += 3;
      } else if (/^\(\?(=|!|<=|<!)/.test(rest.slice(i, i + 4))) {
        throw unsupported('lookaround', pattern);
      } else if (rest.startsWith('(?', i) && !/^\(\?[imsU-]*[:)]/.test(rest.slice(i))) {
        throw unsupported(rest.slice(i, i + 3), pattern);
      } else if (/^\(\?[imsU-]*\)/.test(rest.slice(i))) {
        throw unsupported('flags not at the start of the pattern', pattern);
      } else out += '(';
      stack.push({ alternation: false, unboundedInside: false, lastMandatoryLiteral: false });
    } else if (c === ')') {
      const group = stack.pop();
      if (group === undefined || stack.length === 0) throw parseError('unexpected )', pattern);
      lastAtomStart = -2; // a group just closed; its quantifier is checked below
      out += ')';
      const quantifier = quantifierAt(rest, i + 1);
      if (quantifier?.unbounded === true) {
        const ambiguous =
          group.alternation || (group.unboundedInside && !group.lastMandatoryLiteral);
        if (ambiguous) throw new RegexError(riskMessage(pattern));
      }
      if (group.unboundedInside || quantifier?.unbounded === true) top().unboundedInside = true;
      if (group.alternation) top().alternation = top().alternation || false;
      top().lastMandatoryLiteral = quantifier === undefined && group.lastMandatoryLiteral;
    } else if (c === '|') {
      top().alternation = true;
      top().lastMandatoryLiteral = false;
      out += c;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const quantifier = quantifierAt(rest, i);
      if (quantifier === undefined) {
        out += '\\{';
        top().lastMandatoryLiteral = true;
        continue;
      }
      // Go's regexp/syntax quotes just the operator in these two errors.
      const operator = rest.slice(i, i + quantifier.length);
      if (lastAtomStart === -1 && out.length === 0)
        throw parseError('missing argument to repetition operator', operator);
      if (quantifier.max !== undefined && quantifier.max > MAX_REPEAT)
        throw parseError('invalid repeat count', operator.replace(/\?$/, ''));
      if (quantifier.unbounded) top().unboundedInside = true;
      top().lastMandatoryLiteral =
        top().lastMandatoryLiteral && quantifier.min > 0 && !quantifier.unbounded;
      out += rest.slice(i, i + quantifier.length);
      i += quantifier.length - 1;
    } else {
      lastAtomStart = out.length;
      out += c === '/' ? '\\/' : c;
      top().lastMandatoryLiteral = c !== '.' && c !== '^' && c !== '$';
    }
  }
  if (stack.length !== 1) throw parseError('missing closing )', pattern);
  return { source: out, flags };
}

function quantifierAt(
  text: string,
  i: number,
): { length: number; min: number; max?: number; unbounded: boolean } | undefined {
  const c = text[i];
  let length = 1;
  let min: number;
  let max: number | undefined;
  if (c === '*' || c === '+' || c === '?') {
    min = c === '+' ? 1 : 0;
    max = c === '?' ? 1 : undefined;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(text.slice(i));
    if (m === null) return undefined;
    length = m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
    if (min > MAX_REPEAT) max = min;
  } else return undefined;
  if (text[i + length] === '?') length++;
  return { length, min, ...(max === undefined ? {} : { max }), unbounded: max === undefined };
}

/** One escape: its JavaScript text, its length in the pattern, and whether it is a literal character. */
function escape(
  text: string,
  i: number,
  pattern: string,
  inClass: boolean,
): [string, number, boolean] {
  const next = text[i + 1];
  if (next === undefined) throw parseError('trailing backslash at end of expression', '');
  if (/[1-9]/.test(next)) throw unsupported(`backreference \\${next}`, pattern);
  if (next === 'A') return ['(?<![\\s\\S])', 2, false];
  if (next === 'z') return ['(?![\\s\\S])', 2, false];
  if (next === 'C' || next === 'Z' || next === 'G') throw unsupported(`\\${next}`, pattern);
  if (next === 's') return [inClass ? PERL_SPACE : `[${PERL_SPACE}]`, 2, true];
  if (next === 'S') return [inClass ? '\\S' : `[^${PERL_SPACE}]`, 2, true];
  if (next === 'Q') {
    const end = text.indexOf('\\E', i + 2);
    const literal = text.slice(i + 2, end === -1 ? undefined : end);
    const escaped = Array.from(literal, (ch) => ch)
      .map((ch) => (SYNTAX.has(ch) ? `\\${ch}` : ch))
      .join('');
    return [escaped, (end === -1 ? text.length : end + 2) - i, literal.length > 0];
  }
  if ((next === 'p' || next === 'P') && text[i + 2] === '{') {
    const close = text.indexOf('}', i + 3);
    if (close === -1) throw parseError('invalid character class range', pattern);
    const name = text.slice(i + 3, close);
    // RE2 names general categories (L, Lu) and scripts (Greek) alike; JavaScript wants Script=.
    const property = /^[A-Z][a-z]?$/.test(name) ? name : `Script=${name}`;
    return [`\\${next}{${property}}`, close + 1 - i, true];
  }
  if ((next === 'p' || next === 'P') && text[i + 2] !== '{') {
    const name = text[i + 2];
    if (name === undefined) throw parseError('invalid character class range', pattern);
    return [`\\${next}{${name}}`, 3, true];
  }
  if (/[A-Za-z0-9]/.test(next)) return [`\\${next}`, 2, !/[bB]/.test(next)];
  if (next === '-' && !inClass) return ['-', 2, true];
  return [SYNTAX.has(next) ? `\\${next}` : next, 2, true];
}

/**
 * Where a class ends. As Go's parser, a reversed range of plain characters (`z-a`) is reported
 * before a missing `]`, and each error quotes the part Go quotes (the range; the class onwards).
 */
function classEnd(text: string, start: number): number {
  let i = start + 1;
  if (text[i] === '^') i++;
  if (text[i] === ']') i++;
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\\') i++;
    else if (text.startsWith('[:', i)) {
      const close = text.indexOf(':]', i + 2);
      if (close !== -1) i = close + 1;
    } else if (c === ']') return i;
    else if (text[i + 1] === '-' && !/^[\]\\[]?$/.test(text.charAt(i + 2))) {
      const end = text.charAt(i + 2);
      if ((end.codePointAt(0) ?? 0) < (c.codePointAt(0) ?? 0))
        throw parseError('invalid character class range', `${c}-${end}`);
      i += 2;
    }
  }
  throw parseError('missing closing ]', text.slice(start));
}

function translateClass(cls: string, pattern: string): string {
  let out = '[';
  let i = 1;
  if (cls[i] === '^') {
    out += '^';
    i++;
  }
  if (cls[i] === ']') {
    out += '\\]';
    i++;
  }
  for (; i < cls.length - 1; i++) {
    const c = cls.charAt(i);
    if (c === '\\') {
      const [text, length] = escape(cls, i, pattern, true);
      out += text;
      i += length - 1;
    } else if (cls.startsWith('[:', i)) {
      const close = cls.indexOf(':]', i + 2);
      const name = cls.slice(i + 2, close);
      const negated = name.startsWith('^');
      const expansion = POSIX[negated ? name.slice(1) : name];
      if (expansion === undefined || negated)
        throw parseError(`invalid character class range: [:${name}:]`, pattern);
      out += expansion;
      i = close + 1;
    } else out += c === '[' || c === '/' ? `\\${c}` : c;
  }
  return `${out}]`;
}

function unsupported(what: string, pattern: string): RegexError {
  return new RegexError(
    `error parsing regexp: invalid or unsupported Perl syntax: ${what}: \`${pattern}\``,
  );
}

/** `error parsing regexp: <what>: \`<expr>\``, as Go's regexp/syntax.Error reads. */
function parseError(what: string, expr: string): RegexError {
  return new RegexError(`error parsing regexp: ${what}: \`${expr}\``);
}

function riskMessage(pattern: string): string {
  return `regex \`${pattern}\` nests unbounded repetitions, which can take exponential time on a backtracking engine; Kubeward refuses to run it (rewrite it, e.g. make the repeated group end with a fixed separator)`;
}
