import { definePssRule } from './internal/define-pss-rule.ts';
import { removeValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-sysctls',
  checkId: 'sysctls',
  title: 'Pods set only safe sysctls',
  description:
    'Pod Security baseline check `sysctls`: pod sysctls must come from the namespaced, isolated “safe” set, which grows with the policy version (v1.27, v1.29, v1.32, v1.37). Other sysctls can affect every pod on the node or disable kernel protections.',
  severity: 'medium',
  remediation: 'Remove the unsafe sysctls from `securityContext.sysctls`; tune the node instead.',
  peers: { trivy: ['KSV026'] },
  // The field is the sysctl's name; the suggestion removes the whole entry.
  suggest: ({ path }) => [removeValue(path.slice(0, -1))],
});
