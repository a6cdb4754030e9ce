import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-host-namespaces',
  checkId: 'hostNamespaces',
  title: 'Pods do not share the host network, PID or IPC namespace',
  description:
    'Pod Security baseline check `hostNamespaces`: `hostNetwork`, `hostPID` or `hostIPC` let a pod see and reach host processes, host-only network interfaces and shared memory of everything on the node.',
  severity: 'high',
  remediation: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false).',
  peers: {
    trivy: ['KSV008', 'KSV009', 'KSV010'],
    kubescape: ['C-0038', 'C-0041'],
    polaris: ['hostIPCSet', 'hostPIDSet', 'hostNetworkSet'],
    checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
  },
  suggest: ({ object, path }) => [setValue(object, path, false)],
});
