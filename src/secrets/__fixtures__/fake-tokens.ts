/**
 * Fake credentials in the shapes the detectors know, generated from a fixed seed at test time so
 * that no file in the repository contains a contiguous real-looking secret.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';

/** Deterministic pseudo-random text (a linear congruential generator; not for real secrets). */
export function fakeText(alphabet: string, length: number, seed: number): string {
  let state = (seed * 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet.charAt((state >>> 8) % alphabet.length);
  }
  return out;
}

function base64url(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function jwt(header: unknown, payload: unknown, seed: number): string {
  return [base64url(header), base64url(payload), fakeText(ALNUM + '-_', 43, seed)].join('.');
}

export const FAKE = {
  awsAccessKeyId: 'AKIA' + fakeText(UPPER + DIGITS, 16, 1),
  awsSecretAccessKey: fakeText(ALNUM + '+/', 40, 2),
  githubPat: 'ghp' + '_' + fakeText(ALNUM, 36, 3),
  githubFineGrainedPat: 'github' + '_pat_' + fakeText(ALNUM, 22, 4) + '_' + fakeText(ALNUM, 59, 5),
  gitlabPat: 'glpat' + '-' + fakeText(ALNUM, 20, 6),
  slackBotToken:
    'xoxb' +
    '-' +
    fakeText(DIGITS, 12, 7) +
    '-' +
    fakeText(DIGITS, 13, 8) +
    '-' +
    fakeText(ALNUM, 24, 9),
  slackWebhook:
    'https://hooks.slack.com/' +
    'services/T' +
    fakeText(UPPER + DIGITS, 8, 10) +
    '/B' +
    fakeText(UPPER + DIGITS, 10, 11) +
    '/' +
    fakeText(ALNUM, 24, 12),
  stripeLiveKey: 'sk' + '_live_' + fakeText(ALNUM, 24, 13),
  googleApiKey: 'AI' + 'za' + fakeText(ALNUM + '-_', 35, 14),
  npmToken: 'npm' + '_' + fakeText(ALNUM, 36, 15),
  sendgridKey: 'SG' + '.' + fakeText(ALNUM, 22, 16) + '.' + fakeText(ALNUM, 43, 17),
  twilioKey: 'SK' + fakeText(HEX, 32, 18),
  privateKeyPem: [
    '-----BEGIN RSA ' + 'PRIVATE KEY-----',
    fakeText(ALNUM + '+/', 64, 19),
    fakeText(ALNUM + '+/', 64, 20),
    '-----END RSA ' + 'PRIVATE KEY-----',
  ].join('\n'),
  jwt: jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'kubeward test' }, 21),
  serviceAccountToken: jwt(
    { alg: 'RS256', kid: 'test' },
    { iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:default:app' },
    22,
  ),
  /** A generated-looking credential for name-based checks (letters and digits, 32 characters). */
  randomSecret: fakeText(ALNUM, 32, 23),
  /** A generated-looking password (20 characters). */
  strongPassword: fakeText(ALNUM + '!#%', 20, 24),
};
