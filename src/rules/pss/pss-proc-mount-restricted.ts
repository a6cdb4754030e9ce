import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-proc-mount-restricted',
  checkId: 'procMount_restricted',
  title: 'Containers keep the default /proc masks, even in user namespaces',
  description:
    'Pod Security restricted check `procMount_restricted` (policy v1.35+): restricted keeps forbidding any procMount but Default in user-namespace pods, replacing the relaxed baseline `procMount` check.',
  severity: 'medium',
  remediation: 'Remove `procMount` or set it to Default.',
  peers: { trivy: ['KSV027'] },
  suggest: ({ object, path }) => [setValue(object, path, 'Default')],
});
