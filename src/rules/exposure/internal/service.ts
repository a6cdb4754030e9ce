import type { KubeObject } from '../../../model/kube-object.ts';
import { isRecord } from '../../../model/kube-object.ts';

/** The `spec` of a Service (or Ingress), when it is an object. */
export function specOf(object: KubeObject): Record<string, unknown> | undefined {
  return isRecord(object.spec) ? object.spec : undefined;
}

/** Object entries of a list field, with their indexes, bounded. */
export function recordsOf(
  value: unknown,
  max = 10_000,
): { item: Record<string, unknown>; index: number }[] {
  if (!Array.isArray(value)) return [];
  const items: { item: Record<string, unknown>; index: number }[] = [];
  value.slice(0, max).forEach((item: unknown, index) => {
    if (isRecord(item)) items.push({ item, index });
  });
  return items;
}

function portLabel(port: Record<string, unknown>): string {
  const number = typeof port.port === 'number' ? String(port.port) : '?';
  const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
  return `${number}/${protocol}`;
}

/** `80/TCP, 443/TCP` (or `no ports`), for messages. */
export function describePorts(spec: Record<string, unknown>, max = 5): string {
  const ports = recordsOf(spec.ports).map(({ item }) => portLabel(item));
  if (ports.length === 0) return 'no ports';
  const rest = ports.length - max;
  return rest > 0 ? `${ports.slice(0, max).join(', ')} and ${rest} more` : ports.join(', ');
}

/** `nodePort 30080 (80/TCP)` or `an allocated node port (80/TCP)` per port, for messages. */
export function describeNodePorts(spec: Record<string, unknown>, max = 5): string {
  const ports = recordsOf(spec.ports).map(({ item }) =>
    typeof item.nodePort === 'number'
      ? `nodePort ${item.nodePort} (${portLabel(item)})`
      : `an allocated node port (${portLabel(item)})`,
  );
  if (ports.length === 0) return 'no ports';
  const rest = ports.length - max;
  return rest > 0 ? `${ports.slice(0, max).join(', ')} and ${rest} more` : ports.join(', ');
}
