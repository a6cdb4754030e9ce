import { defaultDenyRule } from './internal/default-deny-rule.ts';

// https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
export default defaultDenyRule('egress');
