import { parseYamlDocument } from '../input/parse-document.ts';
import { isPlaceholder } from './placeholder.ts';
import { nameKind } from './secret-names.ts';

/** One inline credential of a kubeconfig user: which user, which field (never the value). */
export interface KubeconfigCredential {
  user: string;
  field: string;
}

const HINT = /(?:^|\n)\s*"?users"?\s*:/;
const KIND_OR_CONTEXT = /current-context|clusters|kind"?\s*:\s*"?Config/;
const USER_FIELDS = ['token', 'client-key-data', 'password'] as const;
const AUTH_PROVIDER_FIELDS = [
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
] as const;
const SECRET_ARG = /^--?(?:token|password|client-secret|secret)=(.+)$/;
const MAX_USERS = 1000;
/** Real kubeconfigs are a few KiB; larger values are not parsed as one. */
const MAX_KUBECONFIG = 256 * 1024;
const PARSE_LIMITS = { maxDepth: 64, maxAliasExpansion: 10 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCredential(value: unknown): boolean {
  return typeof value === 'string' && !isPlaceholder(value);
}

function execCredentials(exec: Record<string, unknown>): string[] {
  const fields: string[] = [];
  if (Array.isArray(exec.env)) {
    for (const entry of exec.env.slice(0, 100)) {
      if (!isRecord(entry) || typeof entry.name !== 'string') continue;
      if (nameKind(entry.name) !== undefined && isCredential(entry.value)) {
        fields.push(`exec.env ${entry.name}`);
      }
    }
  }
  if (Array.isArray(exec.args)) {
    const inline = exec.args.slice(0, 100).some((arg) => {
      const value = typeof arg === 'string' ? SECRET_ARG.exec(arg)?.[1] : undefined;
      return value !== undefined && !isPlaceholder(value);
    });
    if (inline) fields.push('exec.args');
  }
  return fields;
}

function userCredentials(user: Record<string, unknown>): string[] {
  const fields: string[] = USER_FIELDS.filter((field) => isCredential(user[field]));
  const provider = user['auth-provider'];
  const config = isRecord(provider) ? provider.config : undefined;
  if (isRecord(config)) {
    for (const field of AUTH_PROVIDER_FIELDS) {
      if (isCredential(config[field])) fields.push(`auth-provider.config.${field}`);
    }
  }
  if (isRecord(user.exec)) fields.push(...execCredentials(user.exec));
  return fields;
}

/**
 * The inline credentials of a kubeconfig (`token`, `client-key-data`, `password`, auth-provider
 * tokens, secrets in `exec` env or args), or undefined when the text is not a kubeconfig.
 */
export function kubeconfigCredentials(text: string): KubeconfigCredential[] | undefined {
  if (text.length > MAX_KUBECONFIG || !HINT.test(text) || !KIND_OR_CONTEXT.test(text)) {
    return undefined;
  }
  // Parsed as kubectl reads YAML, with the loader's depth and alias-expansion bounds.
  let config: unknown;
  try {
    config = parseYamlDocument(text, PARSE_LIMITS).value;
  } catch {
    return undefined;
  }
  if (!isRecord(config) || !Array.isArray(config.users)) return undefined;
  if (config.kind !== undefined && config.kind !== 'Config') return undefined;
  const credentials: KubeconfigCredential[] = [];
  config.users.slice(0, MAX_USERS).forEach((entry, index) => {
    if (!isRecord(entry) || !isRecord(entry.user)) return;
    const user = typeof entry.name === 'string' ? entry.name : `#${index}`;
    for (const field of userCredentials(entry.user)) credentials.push({ user, field });
  });
  return credentials;
}
