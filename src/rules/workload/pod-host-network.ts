import { podFlagRule } from './internal/pod-flag-rule.ts';
import { REF } from './internal/refs.ts';

export default podFlagRule({
  id: 'pod-host-network',
  field: 'hostNetwork',
  title: 'Pods do not use the host network',
  description:
    "With `hostNetwork: true` the pod uses the node's network stack: it can bind any node port, reach services listening on the node's loopback (kubelet, runtime, metadata endpoints), see all node traffic with NET_RAW, and NetworkPolicies no longer isolate it.",
  severity: 'high',
  message:
    "Pod uses the host network (hostNetwork: true): it can reach the node's local services and bind its ports, and NetworkPolicies do not isolate it.",
  remediation:
    'Remove `hostNetwork: true` and expose the pod through a Service; keep it only for node agents such as CNI plugins.',
  references: [REF.pss, REF.cis, REF.nsa],
  peers: {
    trivy: ['KSV009'],
    kubescape: ['C-0041'],
    polaris: ['hostNetworkSet'],
    kubeScore: [],
    checkov: ['CKV_K8S_19'],
  },
});
