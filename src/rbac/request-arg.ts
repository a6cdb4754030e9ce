// The request part of `rbac can-i` / `who-can`: VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME], or
// VERB /non/resource/url, read as kubectl reads it but without discovery: built-in short and
// singular names resolve from a table, anything else is taken literally.
import { lookupResource } from './known-resources.ts';
import type { AccessAttributes } from './types.ts';

export type RequestArg = Omit<AccessAttributes, 'user' | 'groups' | 'namespace'>;

function resolve(
  name: string,
  group: string | undefined,
): { name: string; group: string } | undefined {
  for (const candidate of [name, `${name}s`, `${name}es`, name.replace(/y$/, 'ies')]) {
    const found = lookupResource(candidate);
    if (found !== undefined && (group === undefined || found.group === group)) return found;
  }
  return undefined;
}

/** Parses the positional arguments after the subcommand; returns an error message for bad input. */
export function parseRequestArgs(positionals: readonly string[]): RequestArg | string {
  const [verb, target, name, ...rest] = positionals;
  if (verb === undefined || target === undefined)
    return 'expected VERB and RESOURCE (or a non-resource URL)';
  if (rest.length > 0) return `unexpected argument "${rest[0] ?? ''}"`;
  if (target.startsWith('/')) {
    if (name !== undefined) return 'a non-resource URL takes no NAME';
    return { verb, path: target };
  }
  const slash = target.indexOf('/');
  const head = slash < 0 ? target : target.slice(0, slash);
  const subresource = slash < 0 ? '' : target.slice(slash + 1);
  const dot = head.indexOf('.');
  const resource = dot < 0 ? head : head.slice(0, dot);
  const group = dot < 0 ? undefined : head.slice(dot + 1);
  if (resource === '') return `no resource in "${target}"`;
  // `*` stays `*` in the core group, as kubectl sends it; `*.*` means every group.
  const known = resource === '*' ? undefined : resolve(resource, group);
  return {
    verb,
    resource: known?.name ?? resource,
    apiGroup: known?.group ?? group ?? '',
    subresource,
    name: name ?? '',
  };
}
