import { parseJwt } from '../jwt.ts';
import { shannonEntropy } from '../entropy.ts';
import { passwordSeverity } from '../strength.ts';
import type { DetectorContext, FormatDetector } from './detector.ts';

const AWS_NAME = /aws|secret[-_.]?access/i;
const AWS_TEXT = /aws|(?:AKIA|ASIA)[A-Z0-9]{16}/i;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const GCP_PRIVATE_KEY = /"private_key"\s*:\s*"-----BEGIN/;

/** A 40-character secret access key needs AWS context: an AWS-ish name or an access key ID nearby. */
function awsContext({ name, text }: DetectorContext): boolean {
  return (name !== undefined && AWS_NAME.test(name)) || AWS_TEXT.test(text);
}

/** Random base64 of 40 characters has mixed case and high entropy; hex digests and words do not. */
function randomBase64(secret: string): boolean {
  return UPPER.test(secret) && LOWER.test(secret) && shannonEntropy(secret) >= 4;
}

/** Formats recognised by structure (headers, separators, context) rather than by a prefix alone. */
export const STRUCTURED_FORMATS: readonly FormatDetector[] = [
  {
    id: 'aws-secret-access-key',
    title: 'an AWS secret access key',
    severity: 'critical',
    applies: awsContext,
    pattern: /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    validate: randomBase64,
  },
  {
    id: 'private-key',
    title: 'a private key',
    severity: 'critical',
    keywords: ['PRIVATE KEY'],
    // The body may hold real newlines or JSON `\n` escapes (service-account key files).
    pattern:
      /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|\s){0,8}([A-Za-z0-9+/=]{32})/g,
  },
  {
    id: 'gcp-service-account',
    title: 'a Google Cloud service-account key',
    severity: 'critical',
    keywords: ['service_account'],
    pattern: /("type"\s*:\s*"service_account")/g,
    validate: (_secret, { text }) => GCP_PRIVATE_KEY.test(text),
  },
  {
    id: 'jwt-token',
    title: 'a JSON Web Token',
    severity: 'high',
    keywords: ['eyJ', 'ewo', 'eyAi'],
    pattern:
      /(?<![A-Za-z0-9_-])((?:eyJ|ewo|eyAi)[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,65536}\.[A-Za-z0-9_-]{0,4096})(?![A-Za-z0-9_.-])/g,
    validate: (secret) => {
      const jwt = parseJwt(secret);
      if (jwt === undefined) return false;
      if (!jwt.kubernetesServiceAccount) return true;
      return {
        id: 'kubernetes-service-account-token',
        title: 'a Kubernetes service account token',
        severity: 'critical',
      };
    },
  },
  {
    id: 'url-credentials',
    title: 'a password in a URL',
    severity: 'high',
    keywords: ['://'],
    // scheme://user:password@host — group 1 is the password.
    pattern:
      /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/?#]{0,256}:([^\s@/?#]{1,256})@[^\s@/?#]{1,256}/g,
    validate: (password) => ({
      id: 'url-credentials',
      title: 'a password in a URL',
      severity: passwordSeverity(password),
    }),
  },
  {
    id: 'connection-string-password',
    title: 'a password in a connection string or command line',
    severity: 'high',
    keywords: ['password', 'pwd'],
    ignoreCase: true,
    // ADO.NET/JDBC/ODBC `Password=...;` and query strings `?password=...&`.
    pattern: /(?<=^|[;?&\s"'-])(?:password|pwd)\s*=\s*([^;&\s"'<>]{1,256})/gi,
    validate: (password) => ({
      id: 'connection-string-password',
      title: 'a password in a connection string or command line',
      severity: passwordSeverity(password),
    }),
  },
];
