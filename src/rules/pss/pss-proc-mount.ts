import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-proc-mount',
  checkId: 'procMount',
  title: 'Containers keep the default /proc masks',
  description:
    'Pod Security baseline check `procMount`: `securityContext.procMount` must be unset or Default; Unmasked exposes kernel interfaces under /proc. From policy v1.35 baseline allows it in user-namespace pods (`hostUsers: false`); restricted still forbids it (pss-proc-mount-restricted).',
  severity: 'medium',
  remediation: 'Remove `procMount` or set it to Default.',
  peers: { trivy: ['KSV027'] },
  suggest: ({ object, path }) => [setValue(object, path, 'Default')],
});
