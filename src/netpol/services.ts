import type { Inventory } from '../model/inventory.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { effectiveNamespace } from '../model/scope.ts';
import type { Protocol } from './connection-set.ts';
import { isProtocol } from './connection-set.ts';
import type { Labels } from './label-selector.ts';
import { normaliseLabels } from './label-selector.ts';
import type { PodVariant } from './workloads.ts';

export interface ServicePortInfo {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
  /** A number, a container port name, or (when missing) the same as `port`. */
  readonly targetPort: number | string;
  readonly nodePort: number | undefined;
}

export interface ServiceInfo {
  readonly item: ScanObject;
  readonly namespace: string;
  readonly name: string;
  /** `ClusterIP` when missing. */
  readonly type: string;
  /** Undefined for a Service without selector: its endpoints are managed by hand, not by labels. */
  readonly selector: Labels | undefined;
  readonly ports: readonly ServicePortInfo[];
}

/** Services of an inventory, by `namespace/name`. */
export function servicesOf(inventory: Inventory): Map<string, ServiceInfo> {
  return inventory.memo('netpol-services', () => {
    const out = new Map<string, ServiceInfo>();
    for (const item of inventory.ofKind('Service')) {
      const spec = isRecord(item.object.spec) ? item.object.spec : {};
      const namespace = effectiveNamespace(item.object) ?? 'default';
      const selector = normaliseLabels(spec.selector);
      const ports: ServicePortInfo[] = [];
      for (const raw of Array.isArray(spec.ports) ? (spec.ports as unknown[]) : []) {
        if (!isRecord(raw) || typeof raw.port !== 'number') continue;
        const protocol = raw.protocol ?? 'TCP';
        if (!isProtocol(protocol)) continue;
        const target = raw.targetPort;
        ports.push({
          name: typeof raw.name === 'string' ? raw.name : undefined,
          port: raw.port,
          protocol,
          targetPort:
            typeof target === 'number' || (typeof target === 'string' && target !== '')
              ? target
              : raw.port,
          nodePort: typeof raw.nodePort === 'number' ? raw.nodePort : undefined,
        });
      }
      out.set(`${namespace}/${item.ref.name}`, {
        item,
        namespace,
        name: item.ref.name,
        type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
        selector: Object.keys(selector).length === 0 ? undefined : selector,
        ports,
      });
    }
    return out;
  });
}

/** A Service sends traffic to the pods of its namespace that carry every label of its selector. */
export function serviceSelects(service: ServiceInfo, variant: PodVariant): boolean {
  const selector = service.selector;
  if (selector === undefined || variant.namespace !== service.namespace) return false;
  return Object.entries(selector).every(
    ([k, v]) => Object.hasOwn(variant.labels, k) && variant.labels[k] === v,
  );
}

/**
 * The pod port a Service port forwards to on one pod: a numbered targetPort as is (whether or not
 * the container declares it), a named one through the container port of that name and protocol
 * (as kube-proxy's findPort does), undefined when the name resolves to nothing.
 */
export function targetPortOn(port: ServicePortInfo, variant: PodVariant): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  if (/^\d+$/.test(port.targetPort)) return Number(port.targetPort);
  return variant.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol)
    ?.port;
}
