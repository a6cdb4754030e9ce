// Name and label validation as k8s.io/apimachinery/pkg/util/validation words it.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

function regexError(message: string, format: string, ...examples: string[]): string {
  const shown = examples.map((e) => `'${e}', `).join('or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

function check(value: string, max: number, format: string, error: string): string[] {
  const errors: string[] = [];
  if (value.length > max) errors.push(`must be no more than ${max} characters`);
  if (!new RegExp(`^${format}$`).test(value)) errors.push(error);
  return errors;
}

export function dns1123Label(value: string): string[] {
  const message =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return check(value, 63, DNS1123_LABEL, regexError(message, DNS1123_LABEL, 'my-name', '123-abc'));
}

export function dns1123Subdomain(value: string): string[] {
  const message =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  return check(
    value,
    253,
    DNS1123_SUBDOMAIN,
    regexError(message, DNS1123_SUBDOMAIN, 'example.com'),
  );
}

export function dns1035Label(value: string): string[] {
  const message =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return check(value, 63, DNS1035_LABEL, regexError(message, DNS1035_LABEL, 'my-name', 'abc-123'));
}

export function labelValue(value: string): string[] {
  const message =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return check(
    value,
    63,
    LABEL_VALUE,
    regexError(message, LABEL_VALUE, 'MyValue', 'my_value', '12345'),
  );
}

export function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name = parts[0] ?? '';
  const errors: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...dns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    const message =
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    return [
      `${regexError(message, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name === '') return [...errors, 'name part must be non-empty'];
  if (name.length > 63) errors.push('name part must be no more than 63 characters');
  const message =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  if (!new RegExp(`^${QUALIFIED_NAME}$`).test(name)) {
    errors.push(regexError(message, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc'));
  }
  return errors;
}

/** generateName prefixes may end in '-': validate with the trailing dash masked, as apimachinery does. */
export function asPrefix(validate: (value: string) => string[]): (value: string) => string[] {
  return (value) => validate(value.endsWith('-') ? `${value.slice(0, -1)}a` : value);
}
