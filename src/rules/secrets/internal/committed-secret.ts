import { isRecord } from '../../../model/kube-object.ts';
import { decodeBase64Text, isPlaceholder, nameKind } from '../../../secrets/index.ts';
import { shown } from './describe-matches.ts';

/** Keys of one Secret field that carry real values. */
export interface CommittedField {
  field: 'data' | 'stringData';
  keys: string[];
}

/** Encrypted at rest in the file: SOPS, Ansible Vault, age and PGP armour. */
const ENCRYPTED =
  /^(?:ENC\[AES256_GCM,|\$ANSIBLE_VAULT;|-----BEGIN (?:AGE ENCRYPTED FILE|PGP MESSAGE)-----)/;
const PUBLIC_PEM =
  /^(?:\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL)-----[\s\S]*?-----END [A-Z0-9 ]+-----\s*)+$/;
const SSH_PUBLIC_KEY =
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-[a-z0-9]+|sk-\S+) [A-Za-z0-9+/=]+(?: \S.*)?\s*$/;
const MAX_KEYS = 10_000;

/** Public material that Secrets often carry beside the private part (CA bundles, `tls.crt`). */
function isPublic(text: string): boolean {
  return !text.includes('PRIVATE KEY') && (PUBLIC_PEM.test(text) || SSH_PUBLIC_KEY.test(text));
}

function carriesSecret(raw: string, text: string | undefined): boolean {
  if (raw.trim() === '') return false;
  if (text === undefined) return true; // binary or undecodable: a value all the same
  return !(isPlaceholder(text) || ENCRYPTED.test(text.trim()) || isPublic(text));
}

/**
 * The `data`/`stringData` keys of a Secret manifest that commit a real value. Placeholders,
 * encrypted values, public certificates and keys, and SOPS-encrypted Secrets do not count; for
 * `kubernetes.io/service-account-token` only `token` does (the controller fills it in).
 */
export function committedSecretData(secret: Record<string, unknown>): CommittedField[] {
  if (isRecord(secret.sops)) return [];
  const serviceAccountToken = secret.type === 'kubernetes.io/service-account-token';
  const fields: CommittedField[] = [];
  for (const field of ['data', 'stringData'] as const) {
    const map = secret[field];
    if (!isRecord(map)) continue;
    const keys: string[] = [];
    for (const [key, raw] of Object.entries(map).slice(0, MAX_KEYS)) {
      if (typeof raw !== 'string' || (serviceAccountToken && key !== 'token')) continue;
      const text = field === 'data' ? decodeBase64Text(raw) : raw;
      if (carriesSecret(raw, text)) keys.push(key);
    }
    // Keys whose names say "secret" first, so a message listing a few of them shows those.
    const ordered = [
      ...keys.filter((k) => nameKind(k) !== undefined),
      ...keys.filter((k) => nameKind(k) === undefined),
    ];
    if (ordered.length > 0) fields.push({ field, keys: ordered });
  }
  return fields;
}

/** `"a", "b", "c" and 4 more`, for messages. */
export function listKeys(keys: readonly string[], max = 5): string {
  const quoted = keys.slice(0, max).map((k) => `"${shown(k)}"`);
  const rest = keys.length - quoted.length;
  return rest > 0 ? `${quoted.join(', ')} and ${rest} more` : quoted.join(', ');
}
