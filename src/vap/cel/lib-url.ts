import type { Environment } from '@marcbachmann/cel-js';

/** A parsed URL, as Go's url.ParseRequestURI leaves it. */
export class ParsedURL {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  constructor(scheme: string, host: string, path: string, rawQuery: string) {
    this.scheme = scheme;
    this.host = host;
    this.path = path;
    this.rawQuery = rawQuery;
  }
  get hostname(): string {
    const host = this.host.startsWith('[') ? this.host.slice(1, this.host.indexOf(']')) : this.host;
    return this.host.startsWith('[') ? host : host.replace(/:\d*$/, '');
  }
  get port(): string {
    const m = /:(\d*)$/.exec(
      this.host.startsWith('[') ? this.host.slice(this.host.indexOf(']')) : this.host,
    );
    return m?.[1] ?? '';
  }
}

/**
 * Go's `url.ParseRequestURI` (what Kubernetes' URL library uses): an absolute URI or an absolute
 * path, with a valid host and valid percent-escapes. Returns an error message on failure.
 */
export function parseURL(text: string): ParsedURL | string {
  if (text === '') return 'parse "": empty url';
  const bad = (why: string) => `parse ${JSON.stringify(text)}: ${why}`;
  let rest = text;
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m !== null) {
    scheme = (m[1] ?? '').toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (rest.startsWith(':')) return bad('missing protocol scheme');
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q !== -1) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return new ParsedURL(scheme, '', '', rawQuery);
    return bad('invalid URI for request');
  }
  let host = '';
  if (scheme !== '' && rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end === -1 ? rest.slice(2) : rest.slice(2, end);
    rest = end === -1 ? '' : rest.slice(end);
    host = authority.slice(authority.lastIndexOf('@') + 1);
    if (!validHost(host)) return bad(`invalid host ${JSON.stringify(host)}`);
  }
  if (/%(?![0-9a-fA-F]{2})/.test(rest)) return bad('invalid URL escape');
  return new ParsedURL(scheme, host, rest, rawQuery);
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+(%[^\]]+)?\](:\d*)?$/.test(host);
  return /^[^\s/?#[\]]*?(:\d*)?$/.test(host) && !/:.*:/.test(host);
}

function query(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of raw.split(/[&]/)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    try {
      const key = decodeURIComponent((eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
      const value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
      (out[key] ??= []).push(value);
    } catch {
      // Go's Query() drops pairs with bad escapes.
    }
  }
  return out;
}

/** Kubernetes' URL library (k8s.io/apiserver/pkg/cel/library/urls.go). */
export function registerURL(env: Environment): void {
  env.registerType('URL', ParsedURL);
  env.registerFunction('url(string): URL', (text: string) => {
    const parsed = parseURL(text);
    if (typeof parsed === 'string')
      throw new Error(`URL parse error during conversion from string: ${parsed}`);
    return parsed;
  });
  env.registerFunction('isURL(string): bool', (text: string) => typeof parseURL(text) !== 'string');
  env.registerFunction('URL.getScheme(): string', (u: ParsedURL) => u.scheme);
  env.registerFunction('URL.getHost(): string', (u: ParsedURL) => u.host);
  env.registerFunction('URL.getHostname(): string', (u: ParsedURL) => u.hostname);
  env.registerFunction('URL.getPort(): string', (u: ParsedURL) => u.port);
  env.registerFunction('URL.getEscapedPath(): string', (u: ParsedURL) => u.path);
  env.registerFunction('URL.getQuery(): map<string, list<string>>', (u: ParsedURL) =>
    query(u.rawQuery),
  );
}
