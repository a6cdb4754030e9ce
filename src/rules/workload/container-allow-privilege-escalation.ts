import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath, isWindowsPod } from './internal/security-context.ts';

export default defineRule({
  id: 'container-allow-privilege-escalation',
  meta: {
    title: 'Containers set allowPrivilegeEscalation: false',
    description:
      'Unless a container sets `allowPrivilegeEscalation: false`, the kernel lets its processes gain privileges through setuid binaries and file capabilities (no_new_privs stays off). The field has no pod-level default, so every Linux container (init and ephemeral too) must set it.',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      allowed:
        'Container "{{name}}" sets allowPrivilegeEscalation: true: setuid binaries and file capabilities can raise its privileges.',
      notDisabled:
        'Container "{{name}}" does not set allowPrivilegeEscalation: false, and it defaults to true: setuid binaries and file capabilities can raise its privileges.',
    },
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on every container; only containers that must run setuid programs (sudo, ping on old kernels) need it.',
    references: [REF.securityContext, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV001'],
      kubescape: ['C-0016', 'C-0197'],
      polaris: ['privilegeEscalationAllowed'],
      kubeScore: [],
      checkov: ['CKV_K8S_20'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    for (const c of containersOf(pod)) {
      const value = c.securityContext?.allowPrivilegeEscalation;
      if (value === false) continue;
      const path = containerContextPath(c, 'allowPrivilegeEscalation');
      ctx.report({
        path,
        messageId: value === true ? 'allowed' : 'notDisabled',
        data: { name: c.name },
        suggest: [setField(ctx.object, path, false)],
      });
    }
  },
});
