import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-apparmor',
  checkId: 'appArmorProfile',
  title: 'Pods do not disable AppArmor',
  description:
    'Pod Security baseline check `appArmorProfile`: `securityContext.appArmorProfile.type` (pod or container) must be RuntimeDefault or Localhost, and the deprecated `container.apparmor.security.beta.kubernetes.io/*` annotations must be empty, `runtime/default` or `localhost/*`. `Unconfined` removes the AppArmor confinement the runtime applies by default.',
  severity: 'medium',
  remediation:
    'Use `appArmorProfile.type: RuntimeDefault` (or a Localhost profile) instead of Unconfined.',
  peers: { trivy: ['KSV002'], kubescape: ['C-0055'] },
  suggest: ({ object, path, field }) => [
    setValue(object, path, field.in === 'metadata' ? 'runtime/default' : 'RuntimeDefault'),
  ],
});
