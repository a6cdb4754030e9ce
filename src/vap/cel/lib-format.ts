import type { Environment } from '@marcbachmann/cel-js';
import { Optional } from '@marcbachmann/cel-js';
import { charge } from './budget.ts';
import { parseURL } from './lib-url.ts';
import {
  asPrefix,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  labelValue,
  qualifiedName,
} from './name-validation.ts';

/** A named string format of the Kubernetes format library. */
export class NamedFormat {
  readonly name: string;
  readonly validate: (value: string) => string[];
  constructor(name: string, validate: (value: string) => string[]) {
    this.name = name;
    this.validate = validate;
  }
}

/** The receiver of `format.…()` functions (cel-js tells types apart by class). */
class FormatNamespace {
  readonly namespace = 'format';
}

const FORMATS: Readonly<Record<string, (value: string) => string[]>> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  labelValue,
  dns1123LabelPrefix: asPrefix(dns1123Label),
  dns1123SubdomainPrefix: asPrefix(dns1123Subdomain),
  dns1035LabelPrefix: asPrefix(dns1035Label),
  uri: (v) => (typeof parseURL(v) === 'string' ? ['invalid URI'] : []),
  uuid: (v) =>
    /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(v)
      ? []
      : ['does not match the UUID format'],
  byte: (v) =>
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v)
      ? []
      : ['invalid base64'],
  date: (v) => (validDate(v) ? [] : ['invalid date']),
  datetime: (v) =>
    /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) &&
    validDate(v.slice(0, 10))
      ? []
      : ['invalid datetime'],
};

function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** Kubernetes' format library (k8s.io/apiserver/pkg/cel/library/format.go, since 1.31). */
export function registerFormat(env: Environment): void {
  env.registerType('Format', NamedFormat);
  env.registerType('FormatNamespace', FormatNamespace);
  env.registerConstant('format', 'FormatNamespace', new FormatNamespace());
  for (const [name, validate] of Object.entries(FORMATS)) {
    const format = new NamedFormat(name, validate);
    env.registerFunction(`FormatNamespace.${name}(): Format`, () => format);
  }
  env.registerFunction(
    'FormatNamespace.named(string): optional<Format>',
    (_: unknown, name: string) => {
      const validate = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
      return validate === undefined
        ? Optional.none()
        : Optional.of(new NamedFormat(name, validate));
    },
  );
  env.registerFunction(
    'Format.validate(string): optional<list<string>>',
    (f: NamedFormat, value: string) => {
      charge(value.length);
      const errors = f.validate(value);
      return errors.length === 0 ? Optional.none() : Optional.of(errors);
    },
  );
}
