import { definePssRule } from './internal/define-pss-rule.ts';
import { removeValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-host-probes-and-host-lifecycle',
  checkId: 'hostProbesAndHostLifecycle',
  title: 'Probes and lifecycle hooks do not target other hosts',
  description:
    'Pod Security baseline check `hostProbesAndHostLifecycle` (policy v1.34+): `host` in httpGet and tcpSocket probes and lifecycle hooks makes the kubelet connect to an arbitrary address from the node, a server-side request forgery channel. Only the pod’s own IP (host unset) is allowed.',
  severity: 'medium',
  remediation:
    'Remove `host` from the probe or lifecycle handler; use an HTTP Host header if needed.',
  suggest: ({ path }) => [removeValue(path)],
});
