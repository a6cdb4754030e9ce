import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { WORKLOAD_CONTAINERS, containersOf } from './internal/containers.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath, isWindowsPod } from './internal/security-context.ts';

export default defineRule({
  id: 'container-read-only-root-fs',
  meta: {
    title: 'Containers have a read-only root filesystem',
    description:
      'A writable root filesystem lets an intruder drop tools, change binaries and configuration, and persist until the container restarts. With `readOnlyRootFilesystem: true`, writes go only to the volumes the pod declares (an emptyDir for /tmp, caches). Init containers are checked too; ephemeral debug containers are not, since they are interactive by design.',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      writable:
        'Container "{{name}}" sets readOnlyRootFilesystem: false: its processes can change its binaries and configuration.',
      notSet:
        'Container "{{name}}" does not set readOnlyRootFilesystem: true: its processes can change its binaries and configuration.',
    },
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at each path the application writes to (such as /tmp).',
    references: [REF.securityContext, REF.appChecklist, REF.nsa],
    peers: {
      trivy: ['KSV014'],
      kubescape: ['C-0017'],
      polaris: ['notReadOnlyRootFilesystem'],
      kubeScore: ['container-security-context-readonlyrootfilesystem'],
      checkov: ['CKV_K8S_22'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    for (const c of containersOf(pod, WORKLOAD_CONTAINERS)) {
      const value = c.securityContext?.readOnlyRootFilesystem;
      if (value === true) continue;
      const path = containerContextPath(c, 'readOnlyRootFilesystem');
      ctx.report({
        path,
        messageId: value === false ? 'writable' : 'notSet',
        data: { name: c.name },
        suggest: [setField(ctx.object, path, true)],
      });
    }
  },
});
