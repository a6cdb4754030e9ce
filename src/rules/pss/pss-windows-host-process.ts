import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-windows-host-process',
  checkId: 'windowsHostProcess',
  title: 'Windows pods do not run HostProcess containers',
  description:
    'Pod Security baseline check `windowsHostProcess`: a Windows HostProcess container runs directly on the host with the privileges of a host process, with no isolation.',
  severity: 'critical',
  remediation:
    'Remove `windowsOptions.hostProcess: true`; run host management outside the cluster’s workloads.',
  suggest: ({ object, path }) => [setValue(object, path, false)],
});
