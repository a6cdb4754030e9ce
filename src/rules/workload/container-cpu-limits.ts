import { resourceRule } from './internal/resource-rule.ts';

export default resourceRule({
  id: 'container-cpu-limits',
  bound: 'limits',
  resource: 'cpu',
  title: 'Containers limit CPU',
  description:
    "Without a CPU limit a container can use every idle CPU of the node, so a runaway or hijacked process (a crypto miner) takes CPU time from the node's daemons and its neighbours beyond their requests. Limits have a cost: the kernel throttles a container at its limit even when CPUs are idle, which adds latency to bursty services, so many teams rely on requests alone; this rule is therefore low severity.",
  severity: 'low',
  message: 'Container "{{name}}" sets no CPU limit: it can take every idle CPU of the node.',
  remediation:
    'Set `resources.limits.cpu` (or a LimitRange `default.cpu`), comfortably above the request so that throttling does not hurt latency; or disable this rule if you deliberately run without CPU limits.',
  peers: {
    trivy: ['KSV011'],
    kubescape: ['C-0050', 'C-0270'],
    polaris: ['cpuLimitsMissing'],
    kubeScore: ['container-resources'],
    checkov: ['CKV_K8S_11'],
  },
});
