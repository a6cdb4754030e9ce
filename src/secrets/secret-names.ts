/**
 * What a field or variable name says about its value: `password` (any literal is a credential),
 * `secret` (a credential when the value looks random), or undefined.
 */
export type NameKind = 'password' | 'secret';

const PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'pswd',
  'pword',
  'passwort',
]);
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'privatekey',
  'secretkey',
  'accesskey',
  'auth',
  'authtoken',
]);
/** Qualifiers that make a trailing `key` a credential (`api_key`, `signing-key`, `SECRET_KEY`). */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api',
  'access',
  'secret',
  'private',
  'signing',
  'encryption',
  'master',
  'client',
  'account',
  'auth',
  'hmac',
  'session',
  'jwt',
  'shared',
  'app',
  'license',
  'storage',
  'webhook',
  'sas',
  'cookie',
  'cipher',
  'aes',
  'ssh',
  'deploy',
  'admin',
  'root',
  'service',
  'consumer',
  'subscription',
  'write',
  'read',
]);
const JOINED_PASSWORD = /(?:password|passwd|passphrase)$/;
const JOINED_SECRET = /(?:secret|token|apikey|secretkey|privatekey|accesskey)$/;

const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const ACRONYM_BOUNDARY = /([A-Z]+)([A-Z][a-z])/g;
const SEPARATORS = /[^A-Za-z0-9]+/;

/** Lower-case words of a name: `MYSQL_ROOT_PASSWORD`, `clientSecret`, `db.password` → words. */
export function nameWords(name: string): string[] {
  return name
    .slice(0, 256)
    .replace(CAMEL_BOUNDARY, '$1 $2')
    .replace(ACRONYM_BOUNDARY, '$1 $2')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word !== '');
}

/**
 * Classifies a name by its last word, so `DB_PASSWORD` and `clientSecret` count but
 * `DB_PASSWORD_FILE`, `SECRET_NAME` and `token-ttl` (which hold references or settings) do not.
 * @example nameKind('PGPASSWORD') // 'password'
 */
export function nameKind(name: string): NameKind | undefined {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  if (PASSWORD_WORDS.has(last) || JOINED_PASSWORD.test(last)) return 'password';
  if (SECRET_WORDS.has(last) || JOINED_SECRET.test(last)) return 'secret';
  if (last === 'key' || last === 'keys') {
    const previous = words.at(-2);
    if (previous !== undefined && KEY_QUALIFIERS.has(previous)) return 'secret';
  }
  return undefined;
}
