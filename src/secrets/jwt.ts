import { bytesToText, decodeBase64Url } from './base64.ts';

export interface JwtInfo {
  /** Issued by Kubernetes for a service account (legacy or projected token). */
  kubernetesServiceAccount: boolean;
}

const MAX_HEADER = 4096;
const MAX_PAYLOAD = 64 * 1024;

function decodeJson(segment: string, max: number): unknown {
  if (segment.length > max) return undefined;
  const bytes = decodeBase64Url(segment, max);
  const text = bytes === undefined ? undefined : bytesToText(bytes);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a compact JWS (`header.payload.signature`) far enough to know it is a JWT: the header
 * must be a JSON object with an `alg`. Undefined for anything else.
 */
export function parseJwt(token: string): JwtInfo | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload] = parts;
  if (header === undefined || payload === undefined) return undefined;
  const decodedHeader = decodeJson(header, MAX_HEADER);
  if (!isObject(decodedHeader) || typeof decodedHeader.alg !== 'string') return undefined;
  const claims = decodeJson(payload, MAX_PAYLOAD);
  const kubernetesServiceAccount =
    isObject(claims) &&
    (claims.iss === 'kubernetes/serviceaccount' || isObject(claims['kubernetes.io']));
  return { kubernetesServiceAccount };
}
