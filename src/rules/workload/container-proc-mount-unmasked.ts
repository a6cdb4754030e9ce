import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath, isWindowsPod } from './internal/security-context.ts';

export default defineRule({
  id: 'container-proc-mount-unmasked',
  meta: {
    title: 'Containers keep the default /proc masks',
    description:
      'The runtime masks and makes read-only the parts of /proc that expose or control the host kernel (/proc/kcore, /proc/sys, /proc/sysrq-trigger, …). `procMount: Unmasked` removes those masks; it is meant for nested container runtimes in user-namespaced pods and is otherwise an escape aid.',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      unmasked:
        'Container "{{name}}" sets procMount: Unmasked: host kernel interfaces under /proc are visible and writable.',
    },
    remediation:
      'Remove `procMount` or set it to `Default`; keep `Unmasked` only for nested runtimes in pods with `hostUsers: false`.',
    references: [REF.securityContext, REF.pss, REF.userNamespaces],
    peers: {
      trivy: ['KSV027'],
      kubescape: [],
      polaris: ['procMount'],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    for (const c of containersOf(pod)) {
      if (c.securityContext?.procMount !== 'Unmasked') continue;
      const path = containerContextPath(c, 'procMount');
      ctx.report({
        path,
        messageId: 'unmasked',
        data: { name: c.name },
        suggest: [{ op: 'replace', path, value: 'Default' }],
      });
    }
  },
});
