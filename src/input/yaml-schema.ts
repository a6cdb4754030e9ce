import jsYaml from 'js-yaml';

/**
 * Plain-scalar resolution as sigs.k8s.io/yaml (go-yaml v2) decodes it, which is what kubectl sends:
 * YAML 1.1 booleans (`yes`, `on`, `y`, …), Go's integer syntax (`0644` is octal, `0x1F`, `0b101`,
 * `1_000`), and no timestamps (they stay strings). See gopkg.in/yaml.v2 resolve.go.
 */
const BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map(
    (s) => [s, true] as const,
  ),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (s) => [s, false] as const,
  ),
]);

const bool11 = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  // Every plain scalar comes through here: only short ones can be booleans, and the length check
  // spares hashing the rest (the Map lookup hashed each fresh string in full).
  resolve: (data: unknown) => typeof data === 'string' && data.length <= 5 && BOOLEANS.has(data),
  construct: (data: string) => BOOLEANS.get(data),
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: object) => JSON.stringify(value),
});

// Go's strconv.ParseInt(s, 0, 64) syntax after go-yaml strips underscores.
const GO_INT = /^[-+]?(?:0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[1-9][0-9]*|0)$/;

function parseGoInt(text: string): number | undefined {
  // Every plain scalar comes through here: reject non-numbers on their first character.
  const first = text.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45)) return undefined;
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  if (!GO_INT.test(plain)) return undefined;
  const negative = plain.startsWith('-');
  const digits = plain.replace(/^[-+]/, '');
  let value: number;
  if (/^0[bB]/.test(digits)) value = parseInt(digits.slice(2), 2);
  else if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) value = parseInt(digits.slice(2), 8);
  else if (digits.length > 1 && digits.startsWith('0')) value = parseInt(digits.slice(1), 8);
  else value = parseInt(digits, 10);
  return negative ? -value : value;
}

const int11 = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && parseGoInt(data) !== undefined,
  construct: (data: string) => parseGoInt(data),
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  represent: (value: object) => JSON.stringify(value),
});

// js-yaml 4 exports its built-in types; @types/js-yaml does not declare them.
const builtIn = (jsYaml as unknown as { types: Record<string, jsYaml.Type> }).types;
const type = (name: string): jsYaml.Type => {
  const found = builtIn[name];
  if (found === undefined) throw new Error(`js-yaml has no built-in type ${name}`);
  return found;
};

/** The js-yaml schema for manifests: go-yaml v2's implicit types, plus merge keys. */
export const KUBE_YAML_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [type('null'), bool11, int11, type('float'), type('merge')],
  explicit: [type('binary'), type('omap'), type('pairs'), type('set')],
});

// The implicit types in the order js-yaml tries them (its compiled list, not a copy of ours).
const IMPLICIT_TYPES = (KUBE_YAML_SCHEMA as unknown as { compiledImplicit: jsYaml.Type[] })
  .compiledImplicit;

/**
 * A plain scalar's value as js-yaml resolves it with this schema: the first implicit type that
 * accepts the text constructs it; otherwise it stays a string.
 */
export function resolvePlainScalar(text: string): unknown {
  // No null, boolean or merge word is longer than 5 characters, and numbers start with a digit,
  // a sign or a dot: a longer text starting with a letter is a string for every type.
  const first = text.charCodeAt(0) | 0x20;
  if (text.length > 5 && first >= 97 && first <= 122) return text;
  for (const type of IMPLICIT_TYPES) {
    if (type.resolve(text)) return type.construct(text);
  }
  return text;
}
