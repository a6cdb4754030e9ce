import type { Inventory } from '../model/inventory.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { effectiveNamespace } from '../model/scope.ts';
import type { ConnectionSet } from './connection-set.ts';
import { NO_CONNECTIONS, connectionsOf, unionConnections } from './connection-set.ts';
import { portRange } from './port-set.ts';
import type { ServiceInfo } from './services.ts';
import { serviceSelects, servicesOf, targetPortOn } from './services.ts';
import type { PodVariant } from './workloads.ts';

/** One backend of an Ingress: a Service of the Ingress's namespace and (optionally) one of its ports. */
export interface IngressRoute {
  readonly item: ScanObject;
  readonly namespace: string;
  readonly service: string;
  readonly port: { number: number } | { name: string } | undefined;
}

/** Every Service backend of every `networking.k8s.io` Ingress: the default backend and each path. */
export function ingressRoutes(inventory: Inventory): IngressRoute[] {
  return inventory.memo('netpol-ingress-routes', () => {
    const out: IngressRoute[] = [];
    for (const item of inventory.ofKind('networking.k8s.io/Ingress')) {
      const namespace = effectiveNamespace(item.object) ?? 'default';
      const spec = isRecord(item.object.spec) ? item.object.spec : {};
      const backends: unknown[] = [spec.defaultBackend];
      for (const rule of Array.isArray(spec.rules) ? (spec.rules as unknown[]) : []) {
        const http = isRecord(rule) && isRecord(rule.http) ? rule.http : {};
        for (const path of Array.isArray(http.paths) ? (http.paths as unknown[]) : []) {
          if (isRecord(path)) backends.push(path.backend);
        }
      }
      for (const backend of backends) {
        const service =
          isRecord(backend) && isRecord(backend.service) ? backend.service : undefined;
        if (service === undefined || typeof service.name !== 'string') continue;
        const port = isRecord(service.port) ? service.port : {};
        out.push({
          item,
          namespace,
          service: service.name,
          port:
            typeof port.number === 'number'
              ? { number: port.number }
              : typeof port.name === 'string' && port.name !== ''
                ? { name: port.name }
                : undefined,
        });
      }
    }
    return out;
  });
}

/** The Service a route targets, when the input has it. */
export function routeService(inventory: Inventory, route: IngressRoute): ServiceInfo | undefined {
  return servicesOf(inventory).get(`${route.namespace}/${route.service}`);
}

/**
 * TCP ports on one pod that Ingress objects route to, through the Service ports their backends
 * name (all of a Service's ports when the backend names none). Ingress carries HTTP(S) only, so
 * only TCP Service ports count. `ingress` (`namespace/name`) limits it to one Ingress.
 */
export function routedPorts(
  inventory: Inventory,
  variant: PodVariant,
  ingress?: string,
): ConnectionSet {
  let out = NO_CONNECTIONS;
  for (const route of ingressRoutes(inventory)) {
    if (route.namespace !== variant.namespace) continue;
    if (ingress !== undefined && `${route.namespace}/${route.item.ref.name}` !== ingress) continue;
    const service = routeService(inventory, route);
    if (service === undefined || !serviceSelects(service, variant)) continue;
    for (const port of service.ports) {
      if (port.protocol !== 'TCP' || !portMatches(route, port)) continue;
      const target = targetPortOn(port, variant);
      if (target !== undefined)
        out = unionConnections(out, connectionsOf('TCP', portRange(target, target)));
    }
  }
  return out;
}

function portMatches(route: IngressRoute, port: ServiceInfo['ports'][number]): boolean {
  if (route.port === undefined) return true;
  return 'number' in route.port ? port.port === route.port.number : port.name === route.port.name;
}
