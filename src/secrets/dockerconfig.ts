import { decodeBase64Text } from './base64.ts';
import { LIMITS } from './limits.ts';
import { isPlaceholder } from './placeholder.ts';

/** A registry with inline credentials in a Docker config, and which field carries them. */
export interface DockerCredential {
  registry: string;
  field: 'auth' | 'password' | 'identitytoken' | 'registrytoken';
}

const TOKEN_FIELDS = ['password', 'identitytoken', 'registrytoken'] as const;
const USERINFO = /\/\/[^@/]*@/;
const MAX_REGISTRIES = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `auth` is base64 of `user:password`; it counts when the password part is real. */
function authHasPassword(auth: string): boolean {
  if (isPlaceholder(auth)) return false;
  const decoded = decodeBase64Text(auth);
  if (decoded === undefined) return true; // not decodable: an opaque credential all the same
  const colon = decoded.indexOf(':');
  return colon !== -1 && !isPlaceholder(decoded.slice(colon + 1));
}

/**
 * Registries with inline credentials in a `.dockerconfigjson` (`{"auths": {…}}`) or, when
 * `legacy` is set, a `.dockercfg` (registries at the top level). Undefined when the text is not
 * such a config. Registry names are returned without any userinfo they might carry.
 */
export function dockerConfigCredentials(
  text: string,
  legacy: boolean,
): DockerCredential[] | undefined {
  if (text.length > LIMITS.maxValueLength || !(legacy || text.includes('"auths"')))
    return undefined;
  let config: unknown;
  try {
    config = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (!isRecord(config)) return undefined;
  const auths = isRecord(config.auths) ? config.auths : legacy ? config : undefined;
  if (auths === undefined) return undefined;
  const credentials: DockerCredential[] = [];
  for (const [name, entry] of Object.entries(auths).slice(0, MAX_REGISTRIES)) {
    if (!isRecord(entry)) continue;
    const registry = name.replace(USERINFO, '//').slice(0, 253);
    if (typeof entry.auth === 'string' && authHasPassword(entry.auth)) {
      credentials.push({ registry, field: 'auth' });
      continue;
    }
    const field = TOKEN_FIELDS.find(
      (f) => typeof entry[f] === 'string' && !isPlaceholder(entry[f]),
    );
    if (field !== undefined) credentials.push({ registry, field });
  }
  return credentials;
}
