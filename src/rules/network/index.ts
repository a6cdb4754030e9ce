import type { AnyRule } from '../../engine/rule.ts';
import netpolEgressToMetadata from './netpol-egress-to-metadata.ts';
import netpolIngressFromInternet from './netpol-ingress-from-internet.ts';
import netpolNamedPortUnresolved from './netpol-named-port-unresolved.ts';
import netpolNamespaceNoDefaultDenyEgress from './netpol-namespace-no-default-deny-egress.ts';
import netpolNamespaceNoDefaultDenyIngress from './netpol-namespace-no-default-deny-ingress.ts';
import netpolPolicyAllowsAll from './netpol-policy-allows-all.ts';
import netpolPolicySelectsNothing from './netpol-policy-selects-nothing.ts';
import netpolWorkloadNotSelected from './netpol-workload-not-selected.ts';

/** NetworkPolicy rules (exact: they evaluate policies as the spec does), sorted by id. */
export const networkRules: readonly AnyRule[] = [
  netpolEgressToMetadata,
  netpolIngressFromInternet,
  netpolNamedPortUnresolved,
  netpolNamespaceNoDefaultDenyEgress,
  netpolNamespaceNoDefaultDenyIngress,
  netpolPolicyAllowsAll,
  netpolPolicySelectsNothing,
  netpolWorkloadNotSelected,
];
