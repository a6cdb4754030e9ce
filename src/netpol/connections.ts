import { classOfVariant } from './classes.ts';
import type { ConnectionSet } from './connection-set.ts';
import {
  NO_CONNECTIONS,
  intersectConnections,
  isEmptyConnections,
  unionConnections,
} from './connection-set.ts';
import { Evaluator } from './evaluate.ts';
import { routedPorts } from './ingress-routes.ts';
import { workloadPairs } from './workload-pairs.ts';
import type { IpInterval } from './ip-set.ts';
import { formatInterval } from './ip-set.ts';
import type { NetpolModel } from './model.ts';
import type { Workload } from './workloads.ts';

/** One side of a connection. */
export type Endpoint =
  | { readonly kind: 'workload'; readonly workload: Workload }
  | { readonly kind: 'external'; readonly range: IpInterval }
  | { readonly kind: 'ingress-controller' };

/** An allowed connection: who, to whom, on which protocols and ports. */
export interface Connection {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly srcName: string;
  readonly dstName: string;
  readonly conns: ConnectionSet;
}

/** The golden peer names: `ns/name[Kind]`, `a.b.c.d-e.f.g.h[External]`, `{ingress-controller}`. */
export function endpointName(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'workload':
      return endpoint.workload.id;
    case 'external':
      return `${formatInterval(endpoint.range)}[External]`;
    case 'ingress-controller':
      return '{ingress-controller}';
  }
}

/**
 * The connection list: every allowed (source, destination) pair among workloads, external ranges
 * and the ingress controller, with what is allowed. A workload's traffic to itself is not listed,
 * nor External to External; pairs with nothing allowed are left out. Sorted byte-wise by source
 * then destination name, as the golden files are.
 */
export function connectionList(model: NetpolModel, evaluator = new Evaluator(model)): Connection[] {
  const out: Connection[] = [];
  const workloads = model.workloads.map((workload) => ({
    endpoint: { kind: 'workload', workload } as const,
    name: workload.id,
    classes: [...new Set(workload.variants.map((v) => classOfVariant(model.classes, v)))],
  }));
  const push = (
    src: Endpoint,
    srcName: string,
    dst: Endpoint,
    dstName: string,
    conns: ConnectionSet,
  ) => {
    if (!isEmptyConnections(conns)) out.push({ src, dst, srcName, dstName, conns });
  };
  const endpoints = new Map(workloads.map((w) => [w.endpoint.workload, w]));
  workloadPairs(model, evaluator, (a, b, conns) => {
    const src = endpoints.get(a);
    const dst = endpoints.get(b);
    if (src !== undefined && dst !== undefined)
      push(src.endpoint, src.name, dst.endpoint, dst.name, conns);
  });
  model.dstAtoms.atoms.forEach((range, atom) => {
    const dst: Endpoint = { kind: 'external', range };
    const dstName = endpointName(dst);
    for (const a of workloads) {
      let conns = NO_CONNECTIONS;
      for (const s of a.classes) conns = unionConnections(conns, evaluator.toExternal(s, atom));
      push(a.endpoint, a.name, dst, dstName, conns);
    }
  });
  model.srcAtoms.atoms.forEach((range, atom) => {
    const src: Endpoint = { kind: 'external', range };
    const srcName = endpointName(src);
    for (const b of workloads) {
      let conns = NO_CONNECTIONS;
      for (const d of b.classes) conns = unionConnections(conns, evaluator.fromExternal(atom, d));
      push(src, srcName, b.endpoint, b.name, conns);
    }
  });
  if (model.ingressController !== undefined) {
    const src: Endpoint = { kind: 'ingress-controller' };
    const from = classOfVariant(model.classes, model.ingressController);
    for (const b of workloads) {
      let conns = NO_CONNECTIONS;
      for (const variant of b.endpoint.workload.variants) {
        const routed = routedPorts(model.inventory, variant);
        if (isEmptyConnections(routed)) continue;
        const allowed = evaluator.between(from, classOfVariant(model.classes, variant));
        conns = unionConnections(conns, intersectConnections(routed, allowed));
      }
      push(src, endpointName(src), b.endpoint, b.name, conns);
    }
  }
  return out.sort(compareConnections);
}

function compareConnections(a: Connection, b: Connection): number {
  if (a.srcName !== b.srcName) return a.srcName < b.srcName ? -1 : 1;
  if (a.dstName !== b.dstName) return a.dstName < b.dstName ? -1 : 1;
  return 0;
}
