import type { AnyRule } from '../../engine/rule.ts';
import ingressNoTls from './ingress-no-tls.ts';
import ingressWildcardHost from './ingress-wildcard-host.ts';
import serviceExternalIps from './service-external-ips.ts';
import serviceLoadbalancer from './service-loadbalancer.ts';
import serviceLoadbalancerSourceRangesOpen from './service-loadbalancer-source-ranges-open.ts';
import serviceNodeport from './service-nodeport.ts';

/** Rules about how Services and Ingresses expose workloads, sorted by id. */
export const exposureRules: readonly AnyRule[] = [
  ingressNoTls,
  ingressWildcardHost,
  serviceExternalIps,
  serviceLoadbalancer,
  serviceLoadbalancerSourceRangesOpen,
  serviceNodeport,
];
