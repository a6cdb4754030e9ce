import { classOfVariant } from './classes.ts';
import type { ConnectionSet } from './connection-set.ts';
import {
  NO_CONNECTIONS,
  connectionsOf,
  intersectConnections,
  isEmptyConnections,
  unionConnections,
} from './connection-set.ts';
import type { Evaluator } from './evaluate.ts';
import { ingressRoutes, routedPorts } from './ingress-routes.ts';
import type { NetpolModel } from './model.ts';
import { portRange } from './port-set.ts';
import type { ServiceInfo } from './services.ts';
import { serviceSelects, servicesOf, targetPortOn } from './services.ts';
import type { Workload } from './workloads.ts';

/** A way in from outside the cluster besides policies: a NodePort/LoadBalancer Service or an Ingress. */
export interface FrontDoor {
  readonly via: 'service' | 'ingress';
  /** `namespace/name` of the Service, or of the Ingress. */
  readonly name: string;
  readonly type: string;
  /** Ports the Service or Ingress forwards to the workload's pods. */
  readonly ports: ConnectionSet;
  /** The part of `ports` that the workload's ingress policies let in. */
  readonly allowed: ConnectionSet;
}

/**
 * NodePort/LoadBalancer Services and Ingress backends that lead to a workload. A Service's
 * traffic arrives from outside the cluster (client or node addresses), so what policies let in is
 * what they allow from some external address; an Ingress's arrives from the ingress controller.
 */
export function frontDoors(
  model: NetpolModel,
  evaluator: Evaluator,
  workload: Workload,
  fromOutside: ConnectionSet,
): FrontDoor[] {
  const doors: FrontDoor[] = [];
  for (const service of servicesOf(model.inventory).values()) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    const ports = servicePorts(service, workload);
    if (isEmptyConnections(ports)) continue;
    const name = `${service.namespace}/${service.name}`;
    doors.push({
      via: 'service',
      name,
      type: service.type,
      ports,
      allowed: intersectConnections(ports, fromOutside),
    });
  }
  const controller = model.ingressController;
  if (controller === undefined) return doors;
  const from = classOfVariant(model.classes, controller);
  const names = new Set(
    ingressRoutes(model.inventory).map((r) => `${r.namespace}/${r.item.ref.name}`),
  );
  for (const name of names) {
    let ports = NO_CONNECTIONS;
    let allowed = NO_CONNECTIONS;
    for (const variant of workload.variants) {
      const routed = routedPorts(model.inventory, variant, name);
      ports = unionConnections(ports, routed);
      const to = classOfVariant(model.classes, variant);
      allowed = unionConnections(
        allowed,
        intersectConnections(routed, evaluator.between(from, to)),
      );
    }
    if (!isEmptyConnections(ports))
      doors.push({ via: 'ingress', name, type: 'Ingress', ports, allowed });
  }
  return doors;
}

function servicePorts(service: ServiceInfo, workload: Workload): ConnectionSet {
  let out = NO_CONNECTIONS;
  for (const variant of workload.variants) {
    if (!serviceSelects(service, variant)) continue;
    for (const port of service.ports) {
      const target = targetPortOn(port, variant);
      if (target !== undefined)
        out = unionConnections(out, connectionsOf(port.protocol, portRange(target, target)));
    }
  }
  return out;
}
