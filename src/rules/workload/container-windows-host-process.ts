import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import { podContextPath, resolveHostProcess } from './internal/security-context.ts';
import { quoteList } from './internal/values.ts';

export default defineRule({
  id: 'container-windows-host-process',
  meta: {
    title: 'Windows containers do not run as HostProcess',
    description:
      "A Windows HostProcess container runs directly on the node, in the host's network and filesystem, usually as SYSTEM: it is the Windows equivalent of a privileged container with host namespaces. The field is merged field by field from the pod's and the container's `windowsOptions`, and the rule reads it the same way.",
    severity: 'critical',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      hostProcess:
        'Container "{{name}}" runs as a Windows HostProcess container: it has full access to the node.',
      podHostProcess:
        'Pod securityContext makes containers {{names}} Windows HostProcess containers: they have full access to the node.',
    },
    remediation:
      'Remove `windowsOptions.hostProcess: true`; run node-management workloads that need it in a dedicated, tightly controlled namespace.',
    references: [REF.hostProcess, REF.pss, REF.cis],
    peers: {
      trivy: ['KSV103'],
      kubescape: ['C-0202'],
      polaris: ['hostProcess'],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const inherited: string[] = [];
    for (const c of containersOf(pod)) {
      const hostProcess = resolveHostProcess(pod, c);
      if (hostProcess?.value !== true) continue;
      if (hostProcess.level === 'pod') inherited.push(c.name);
      else ctx.report({ path: hostProcess.path, messageId: 'hostProcess', data: { name: c.name } });
    }
    if (inherited.length > 0) {
      ctx.report({
        path: podContextPath(pod, 'windowsOptions', 'hostProcess'),
        messageId: 'podHostProcess',
        data: { names: quoteList(inherited) },
      });
    }
  },
});
