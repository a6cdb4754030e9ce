import { probeRule } from './internal/probe-rule.ts';

export default probeRule({
  id: 'container-readiness-probe',
  field: 'readinessProbe',
  title: 'Long-running containers have a readiness probe',
  description:
    'A readiness probe tells Services and rolling updates when a container can take traffic. Without one, a pod is marked ready as soon as its containers start, so it receives requests before it is ready and while it is failing, and a rollout proceeds over broken pods. Regular containers and native sidecars are checked; Jobs, CronJobs and pods that do not restart are not.',
  message:
    'Container "{{name}}" has no readiness probe: it gets traffic before it is ready and while it is failing.',
  remediation: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
  peers: {
    trivy: [],
    kubescape: ['C-0018'],
    polaris: ['readinessProbeMissing'],
    kubeScore: ['pod-probes'],
    checkov: ['CKV_K8S_9'],
  },
});
