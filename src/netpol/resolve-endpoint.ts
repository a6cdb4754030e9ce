import type { ReachEndpoint } from './explain.ts';
import { parseAddress } from './ip-set.ts';
import type { NetpolModel } from './model.ts';

/**
 * Finds a `reach` endpoint from what a user types: an IP address, `namespace/name[Kind]` (the
 * connection list's own names), `namespace/name`, or `name` in `default`. Returns the problem as
 * text when nothing or more than one workload fits.
 */
export function resolveEndpoint(model: NetpolModel, text: string): ReachEndpoint | string {
  const address = parseAddress(text);
  if (address !== undefined) return { kind: 'address', ...address };
  const exact = model.workloads.find((w) => w.id === text);
  if (exact !== undefined) return { kind: 'workload', workload: exact };
  const [namespace, name] = text.includes('/') ? text.split('/', 2) : ['default', text];
  const found = model.workloads.filter((w) => w.namespace === namespace && w.name === name);
  const [only] = found;
  if (only !== undefined && found.length === 1) return { kind: 'workload', workload: only };
  if (found.length > 1) return `"${text}" is ambiguous: ${found.map((w) => w.id).join(', ')}`;
  return `no workload "${text}" in the input (workloads are named NAMESPACE/NAME or NAMESPACE/NAME[KIND])`;
}
