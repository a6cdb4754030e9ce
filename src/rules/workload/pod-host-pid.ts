import { podFlagRule } from './internal/pod-flag-rule.ts';
import { REF } from './internal/refs.ts';

export default podFlagRule({
  id: 'pod-host-pid',
  field: 'hostPID',
  title: 'Pods do not share the host PID namespace',
  description:
    'With `hostPID: true` the pod sees every process of the node, can read their environment and command lines (often secrets), signal them, and with CAP_SYS_PTRACE or root attach to them, including the kubelet and the container runtime.',
  severity: 'high',
  message:
    'Pod shares the host PID namespace (hostPID: true): it sees and can signal every process on the node.',
  remediation:
    'Remove `hostPID: true`; use `shareProcessNamespace` if containers of the pod need to see each other.',
  references: [REF.pss, REF.cis, REF.nsa],
  peers: {
    trivy: ['KSV010'],
    kubescape: ['C-0038'],
    polaris: ['hostPIDSet'],
    kubeScore: [],
    checkov: ['CKV_K8S_17'],
  },
});
