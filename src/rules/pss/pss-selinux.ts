import { definePssRule } from './internal/define-pss-rule.ts';
import { removeValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-selinux',
  checkId: 'seLinuxOptions',
  title: 'Pods set no custom SELinux user, role or type',
  description:
    'Pod Security baseline check `seLinuxOptions`: the SELinux type must be unset or one of container_t, container_init_t, container_kvm_t (and container_engine_t from policy v1.31), and user and role must be unset; other labels can run the container unconfined (e.g. spc_t).',
  severity: 'medium',
  remediation: 'Remove the custom `seLinuxOptions` user, role or type.',
  peers: { trivy: ['KSV025'] },
  suggest: ({ path }) => [removeValue(path)],
});
