import { routeService, ingressRoutes } from '../../../netpol/ingress-routes.ts';
import type { NetpolModel } from '../../../netpol/model.ts';
import { serviceSelects, servicesOf } from '../../../netpol/services.ts';
import type { Workload } from '../../../netpol/workloads.ts';

/**
 * Workloads meant to be reached from outside: selected by a LoadBalancer or NodePort Service, or
 * behind a Service that an Ingress routes to.
 */
export function publicWorkloads(model: NetpolModel): ReadonlySet<Workload> {
  return model.inventory.memo('netpol-public-workloads', () => {
    const services = [...servicesOf(model.inventory).values()].filter(
      (s) => s.type === 'LoadBalancer' || s.type === 'NodePort',
    );
    for (const route of ingressRoutes(model.inventory)) {
      const service = routeService(model.inventory, route);
      if (service !== undefined) services.push(service);
    }
    return new Set(
      model.workloads.filter((w) =>
        w.variants.some((v) => services.some((s) => serviceSelects(s, v))),
      ),
    );
  });
}
