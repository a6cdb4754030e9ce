import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath } from './internal/security-context.ts';

export default defineRule({
  id: 'container-privileged',
  meta: {
    title: 'Containers do not run privileged',
    description:
      'A privileged container gets every capability, every host device and no seccomp, AppArmor or SELinux confinement: root in it is root on the node. Init and ephemeral containers count too.',
    severity: 'critical',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      privileged:
        'Container "{{name}}" runs privileged: it has every capability and the host\'s devices, so root in it is root on the node.',
    },
    remediation:
      'Remove `privileged: true`; grant only the capabilities or devices the container needs (a device plugin, a single added capability).',
    references: [REF.securityContext, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV017'],
      kubescape: ['C-0057'],
      polaris: ['runAsPrivileged'],
      kubeScore: ['container-security-context-privileged'],
      checkov: ['CKV_K8S_16'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    for (const c of containersOf(pod)) {
      if (c.securityContext?.privileged !== true) continue;
      const path = containerContextPath(c, 'privileged');
      ctx.report({
        path,
        messageId: 'privileged',
        data: { name: c.name },
        suggest: [{ op: 'replace', path, value: false }],
      });
    }
  },
});
