import { definePssRule } from './internal/define-pss-rule.ts';
import { removeValue, setValue, valueAt } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-capabilities-restricted',
  checkId: 'capabilities_restricted',
  title: 'Containers drop all capabilities',
  description:
    'Pod Security restricted check `capabilities_restricted` (policy v1.22+): every container must drop ALL capabilities and may add back only NET_BIND_SERVICE. Windows pods are exempt from v1.25. It replaces the baseline `capabilities_baseline` check in restricted namespaces.',
  severity: 'medium',
  remediation:
    'Set `securityContext.capabilities.drop: ["ALL"]` and add back at most NET_BIND_SERVICE.',
  peers: { trivy: ['KSV003'], checkov: ['CKV_K8S_37'] },
  suggest: ({ object, path }) => {
    if (path.at(-1) !== 'drop') return [removeValue(path)];
    const drop = valueAt(object, path);
    return Array.isArray(drop)
      ? [setValue(object, [...path, drop.length], 'ALL')]
      : [setValue(object, path, ['ALL'])];
  },
});
