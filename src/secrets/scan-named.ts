import type { Detection } from './formats/detector.ts';
import { shannonEntropy } from './entropy.ts';
import { isPlaceholder } from './placeholder.ts';
import { nameKind } from './secret-names.ts';
import { passwordSeverity } from './strength.ts';

/** Thresholds for values judged by the name they sit under. */
export interface NamedCheckOptions {
  /** Minimum Shannon entropy (bits per character) of a value under a secret-like name. */
  minEntropy: number;
  /** Minimum length of a value under a secret-like name. */
  minLength: number;
  /** Report any literal under a password-like name, whatever its entropy. */
  passwordLiterals: boolean;
  /** Minimum length of such a password literal. */
  minPasswordLength: number;
}

export const DEFAULT_NAMED_OPTIONS: NamedCheckOptions = {
  minEntropy: 3.5,
  minLength: 16,
  passwordLiterals: true,
  minPasswordLength: 4,
};

const FLAG = /^(?:true|false|yes|no|on|off|y|n|enabled?|disabled?|none|auto|required|optional)$/i;
const PATH = /^(?:~|\.{1,2})?\/[^\s]*$/;
const URL = /^[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/\S*$/;
/** References to a secret store (Vault, vals, AWS/GCP/Azure secret managers, 1Password, SOPS). */
const REFERENCE =
  /^(?:vault:|ref\+|arn:aws:|op:\/\/|sm:\/\/|gcpsm:|awssm:|azkv:|akv:|secret:|file:|env:|k8s:|@Microsoft\.KeyVault|projects\/[^/\s]+\/secrets\/|ENC\[)/i;
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5):[A-Fa-f0-9]{16,}$|@sha256:[A-Fa-f0-9]{64}/;
const WHITESPACE = /\s/;
const QUOTED = /^(["'])([\s\S]*)\1$/;
const DIGIT = /\d/;
const LETTER = /[A-Za-z]/;

/** A literal that is a setting, a path or a reference rather than a credential. */
function notACredential(value: string): boolean {
  return (
    FLAG.test(value) ||
    PATH.test(value) ||
    URL.test(value) ||
    REFERENCE.test(value) ||
    DIGEST.test(value) ||
    WHITESPACE.test(value) ||
    isPlaceholder(value)
  );
}

export interface NamedMatch extends Detection {
  secret: string;
}

/**
 * Judges a value by its name: under a password-like name (`DB_PASSWORD`) any real literal is a
 * credential; under a secret-like name (`API_TOKEN`, `clientSecret`) only a long, high-entropy
 * one mixing letters and digits is. Settings, paths, URLs, digests, secret-store references and placeholders never count.
 */
export function checkNamed(
  name: string,
  rawValue: string,
  options: NamedCheckOptions,
): NamedMatch | undefined {
  const kind = nameKind(name);
  if (kind === undefined || rawValue.length > 4096) return undefined;
  const trimmed = rawValue.trim();
  const value = QUOTED.exec(trimmed)?.[2] ?? trimmed;
  if (value === '' || notACredential(value)) return undefined;
  if (kind === 'password') {
    if (!options.passwordLiterals || value.length < options.minPasswordLength) return undefined;
    return {
      id: 'password-literal',
      title: 'a hard-coded password',
      severity: passwordSeverity(value),
      secret: value,
    };
  }
  // Generated tokens mix letters and digits; words and phrases (`my-app-session-secret`) do not.
  if (value.length < options.minLength || !DIGIT.test(value) || !LETTER.test(value))
    return undefined;
  if (shannonEntropy(value) < options.minEntropy) return undefined;
  return {
    id: 'high-entropy-secret',
    title: 'a high-entropy secret',
    severity: 'high',
    secret: value,
  };
}
