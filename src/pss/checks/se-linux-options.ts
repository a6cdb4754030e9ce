import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField, specField } from '../internal/fields.ts';
import { containersPhrase, joinQuote, pluralize, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import type { Rec } from '../internal/values.ts';
import { asRecord, stringOrEmpty } from '../internal/values.ts';

const TYPES_1_0: ReadonlySet<string> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);
// container_engine_t is allowed from policy v1.31 (upstream commit 840e4a82d).
const TYPES_1_31: ReadonlySet<string> = new Set([...TYPES_1_0, 'container_engine_t']);

interface Findings {
  types: string[];
  user: boolean;
  role: boolean;
  fields: PssField[];
}

/** Records what is wrong with one seLinuxOptions; true when anything is. */
function inspect(
  securityContext: Rec | undefined,
  allowed: ReadonlySet<string>,
  found: Findings,
  field: (...path: string[]) => PssField,
): boolean {
  const options = asRecord(securityContext?.seLinuxOptions);
  if (options === undefined) return false;
  let bad = false;
  const type = stringOrEmpty(options.type);
  if (!allowed.has(type)) {
    bad = true;
    found.types.push(type);
    found.fields.push(field('securityContext', 'seLinuxOptions', 'type'));
  }
  for (const key of ['user', 'role'] as const) {
    if (stringOrEmpty(options[key]) === '') continue;
    bad = true;
    found[key] = true;
    found.fields.push(field('securityContext', 'seLinuxOptions', key));
  }
  return bad;
}

// Mirrors check_seLinuxOptions.go: type from an allowed set; user and role unset.
function seLinuxOptions(allowed: ReadonlySet<string>) {
  return (pod: PodView): PssCheckOutcome | undefined => {
    const found: Findings = { types: [], user: false, role: false, fields: [] };
    const setters: string[] = [];
    if (inspect(pod.securityContext, allowed, found, specField)) setters.push('pod');
    const names: string[] = [];
    for (const c of pod.containers) {
      const field = (...path: string[]) => containerField(c, ...path);
      if (inspect(c.securityContext, allowed, found, field)) names.push(c.name);
    }
    if (names.length > 0) setters.push(containersPhrase(names));
    if (setters.length === 0) return undefined;
    const data: string[] = [];
    const types = sortedSet(found.types);
    if (types.length > 0)
      data.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    if (found.user) data.push('user may not be set');
    if (found.role) data.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
      fields: found.fields,
    };
  };
}

export const seLinuxOptionsCheck: PssCheckDefinition = {
  id: 'seLinuxOptions',
  level: 'baseline',
  source: upstreamSource('check_seLinuxOptions.go'),
  versions: [
    { minVersion: 0, check: seLinuxOptions(TYPES_1_0) },
    { minVersion: 31, check: seLinuxOptions(TYPES_1_31) },
  ],
};
