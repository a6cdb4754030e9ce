const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** A template split into literal text and the placeholders between (name and text as written). */
interface Compiled {
  literals: string[];
  names: string[];
  written: string[];
}

// Templates are few (one per rule message) and findings many: each template is split only once.
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let result = compiled.get(template);
  if (result !== undefined) return result;
  result = { literals: [], names: [], written: [] };
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    result.literals.push(template.slice(last, match.index));
    result.names.push(match[1] ?? '');
    result.written.push(match[0]);
    last = match.index + match[0].length;
  }
  result.literals.push(template.slice(last));
  compiled.set(template, result);
  return result;
}

/** Fills `{{name}}` placeholders; unknown placeholders are left as they are (the rule tester rejects them). */
export function interpolate(
  template: string,
  data: Readonly<Record<string, string | number | boolean>> | undefined,
): string {
  if (data === undefined) return template;
  const { literals, names, written } = compile(template);
  let out = literals[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const value = data[names[i] ?? ''];
    out += (value === undefined ? (written[i] ?? '') : String(value)) + (literals[i + 1] ?? '');
  }
  return out;
}
