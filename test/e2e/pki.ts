import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Keys come from node:crypto; certificates are signed by the openssl CLI, since Node cannot issue X.509
// certificates itself. Test infrastructure only: the product never shells out to openssl.
const run = promisify(execFile);

/** A throwaway certificate authority: PEM files on disk. */
export interface TestCa {
  certPath: string;
  keyPath: string;
}

/** A certificate with its private key, as PEM files on disk. */
export interface CertKeyPair {
  certPath: string;
  keyPath: string;
}

const DAYS = '7';

function writeEcKey(path: string): void {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (cause) {
    throw new Error(`openssl ${args[0] ?? ''} failed (is the openssl CLI installed?)`, { cause });
  }
}

/** Creates a CA named `name` in `dir` (`<name>.crt`, `<name>.key`). */
export async function createCa(dir: string, name = 'ca'): Promise<TestCa> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  const configPath = join(dir, `${name}.cnf`);
  writeEcKey(keyPath);
  writeFileSync(
    configPath,
    [
      '[req]',
      'distinguished_name = dn',
      'prompt = no',
      '[dn]',
      `CN = kubeward-e2e-${name}`,
      '[ext]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign,digitalSignature',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  await openssl([
    'req',
    ...['-x509', '-new', '-config', configPath, '-extensions', 'ext'],
    ...['-key', keyPath, '-out', certPath, '-days', DAYS],
  ]);
  return { certPath, keyPath };
}

/**
 * Issues a TLS certificate signed by `ca`, for both server and client use, as `<name>.crt`/`<name>.key`.
 * @example await issueCert(ca, dir, 'webhook', { dns: ['localhost'], ips: ['127.0.0.1'] })
 */
export async function issueCert(
  ca: TestCa,
  dir: string,
  name: string,
  opts: { commonName?: string; organizations?: string[]; dns?: string[]; ips?: string[] } = {},
): Promise<CertKeyPair> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  const csrPath = join(dir, `${name}.csr`);
  const configPath = join(dir, `${name}.cnf`);
  writeEcKey(keyPath);
  const sans = [
    ...(opts.dns ?? []).map((d) => `DNS:${d}`),
    ...(opts.ips ?? []).map((ip) => `IP:${ip}`),
  ];
  writeFileSync(
    configPath,
    [
      '[req]',
      'distinguished_name = dn',
      'prompt = no',
      '[dn]',
      ...(opts.organizations ?? []).map((o, i) => `${String(i)}.O = ${o}`),
      `CN = ${opts.commonName ?? name}`,
      '[ext]',
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage = serverAuth,clientAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      ...(sans.length > 0 ? [`subjectAltName = ${sans.join(',')}`] : []),
      '',
    ].join('\n'),
  );
  await openssl(['req', '-new', '-config', configPath, '-key', keyPath, '-out', csrPath]);
  await openssl([
    'x509',
    ...['-req', '-in', csrPath, '-CA', ca.certPath, '-CAkey', ca.keyPath],
    ...['-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', DAYS],
    ...['-extfile', configPath, '-extensions', 'ext', '-out', certPath],
  ]);
  return { certPath, keyPath };
}

/** Writes an RSA key pair for signing service-account tokens (`<name>.key`, `<name>.pub`). */
export function createSigningKey(
  dir: string,
  name = 'sa',
): { keyPath: string; publicKeyPath: string } {
  const keyPath = join(dir, `${name}.key`);
  const publicKeyPath = join(dir, `${name}.pub`);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return { keyPath, publicKeyPath };
}
