import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue, valueAt } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-allow-privilege-escalation',
  checkId: 'allowPrivilegeEscalation',
  title: 'Containers forbid privilege escalation',
  description:
    'Pod Security restricted check `allowPrivilegeEscalation` (policy v1.8+): every container must set `allowPrivilegeEscalation: false`, so that setuid binaries and file capabilities cannot raise privileges (no_new_privs). Windows pods are exempt from v1.25.',
  severity: 'medium',
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  peers: {
    trivy: ['KSV001'],
    kubescape: ['C-0016'],
    polaris: ['privilegeEscalationAllowed'],
    checkov: ['CKV_K8S_20'],
  },
  // Changes behaviour for setuid binaries (sudo, ping on old images), hence a suggestion. The API
  // server rejects allowPrivilegeEscalation=false on a privileged container, so a privileged
  // container gets no suggestion here (pss-privileged suggests dropping privileged first).
  suggest: ({ object, path }) =>
    valueAt(object, [...path.slice(0, -1), 'privileged']) === true
      ? undefined
      : [setValue(object, path, false)],
});
