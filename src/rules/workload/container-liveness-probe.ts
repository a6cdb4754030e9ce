import { probeRule } from './internal/probe-rule.ts';

export default probeRule({
  id: 'container-liveness-probe',
  field: 'livenessProbe',
  title: 'Long-running containers have a liveness probe',
  description:
    'A liveness probe lets the kubelet restart a container that is running but stuck (a deadlock, an exhausted pool). Without one, a hung container stays up until someone notices. Regular containers and native sidecars (init containers with `restartPolicy: Always`) are checked; Jobs, CronJobs and pods that do not restart are not.',
  message: 'Container "{{name}}" has no liveness probe: if it hangs, it is not restarted.',
  remediation:
    'Add a `livenessProbe` that checks the process itself (not its dependencies), with a generous `failureThreshold`; a `startupProbe` covers slow starts.',
  peers: {
    trivy: [],
    kubescape: ['C-0056'],
    polaris: ['livenessProbeMissing'],
    kubeScore: ['pod-probes'],
    checkov: ['CKV_K8S_8'],
  },
});
