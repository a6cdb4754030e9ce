/** Template syntaxes: Helm/Jinja/Go `{{ }}`, shell `${VAR}`, Kubernetes `$(VAR)`, ERB `<% %>`. */
const TEMPLATED =
  /\{\{[^\n]{0,200}?\}\}|\$\{[^}\n]{0,200}\}|\$\([A-Za-z_][\w.-]{0,200}\)|<%[^\n]{0,200}?%>/;
/** `$VAR`, `"$VAR"`, `%VAR%`: a value read from the environment at run time. */
const VARIABLE = /^["']?(?:\$[A-Za-z_]\w*|%[A-Za-z_]\w*%)["']?$/;
/** `<your-password>`, `[TOKEN]`. */
const BRACKETED = /^(?:<[^<>\n]{1,200}>|\[[A-Za-z _-]{1,60}\])$/;
/** Masks: `xxxx`, `****`, `...`, `???`, `----`, `====`. */
const MASK = /^[x*#.?=_-]+$/i;
/** Words that mark documentation samples wherever they appear in the value. */
const MARKER =
  /example|sample|placeholder|redacted|dummy|changeme|change[-_ ]?it|change[-_ ]me|replace[-_ ]?me|xxxx|\*\*\*|your[-_ ]?(?:own[-_ ]?)?(?:api|secret|token|pass|key|access|client|auth)|[-_]here$|not[-_ ]?a[-_ ]?secret/i;
/** Whole values that name the thing instead of being it. */
const WORDS: ReadonlySet<string> = new Set([
  'none',
  'null',
  'nil',
  '<nil>',
  'undefined',
  'empty',
  'unset',
  'todo',
  'tbd',
  'fixme',
  'secret',
  'password',
  'passwd',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'key',
  'value',
  'default',
  'fake',
  'foo',
  'bar',
  'baz',
  'foobar',
  'n/a',
  'required',
  'string',
]);

/**
 * True for values that are obviously not a real secret: empty, templated (`{{ .Values.x }}`,
 * `${VAR}`, `$(VAR)`), a variable, `<placeholder>`, a mask (`xxxx`, `****`), or a value naming
 * itself as a sample (`changeme`, `example`, `your-api-key`).
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (WORDS.has(trimmed.toLowerCase())) return true;
  return (
    MASK.test(trimmed) ||
    VARIABLE.test(trimmed) ||
    BRACKETED.test(trimmed) ||
    TEMPLATED.test(trimmed) ||
    MARKER.test(trimmed)
  );
}
