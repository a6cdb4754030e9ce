import { podFlagRule } from './internal/pod-flag-rule.ts';
import { REF } from './internal/refs.ts';

export default podFlagRule({
  id: 'pod-host-ipc',
  field: 'hostIPC',
  title: 'Pods do not share the host IPC namespace',
  description:
    'With `hostIPC: true` the pod shares System V shared memory, semaphores and message queues (and /dev/shm) with every process of the node: it can read and corrupt their shared memory.',
  severity: 'high',
  message:
    'Pod shares the host IPC namespace (hostIPC: true): it can read and write the shared memory of host processes.',
  remediation:
    "Remove `hostIPC: true`; share memory between the pod's own containers with an `emptyDir` of medium `Memory`.",
  references: [REF.pss, REF.cis, REF.nsa],
  peers: {
    trivy: ['KSV008'],
    kubescape: ['C-0038'],
    polaris: ['hostIPCSet'],
    kubeScore: [],
    checkov: ['CKV_K8S_18'],
  },
});
