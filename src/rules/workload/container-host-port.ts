import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { WORKLOAD_CONTAINERS, containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import type { Rec } from './internal/values.ts';
import { asArray, asRecord } from './internal/values.ts';

export default defineRule({
  id: 'container-host-port',
  meta: {
    title: 'Containers do not bind host ports',
    description:
      "A `hostPort` opens a port on the node's own address that forwards to the pod, bypassing Services and often NetworkPolicies, and pins the pod to nodes where the port is free. Pods with `hostNetwork: true` are left to `pod-host-network`: the API server copies every containerPort into hostPort for them.",
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      hostPort:
        'Container "{{name}}" binds host port {{port}}: the node itself listens and forwards to the pod.',
    },
    remediation:
      'Remove `hostPort` and expose the port through a Service (ClusterIP, or NodePort/LoadBalancer when it must be reachable from outside).',
    references: [REF.configOverview, REF.pss, REF.cis],
    peers: {
      trivy: ['KSV024'],
      kubescape: ['C-0044', 'C-0204'],
      polaris: ['hostPortSet'],
      kubeScore: [],
      checkov: ['CKV_K8S_26'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || (pod.spec as unknown as Rec).hostNetwork === true) return;
    for (const c of containersOf(pod, WORKLOAD_CONTAINERS)) {
      const ports = asArray(c.value.ports);
      for (let i = 0; i < ports.length; i++) {
        const port = asRecord(ports[i])?.hostPort;
        if (typeof port !== 'number' || port <= 0) continue;
        const path = [...c.path, 'ports', i, 'hostPort'];
        ctx.report({
          path,
          messageId: 'hostPort',
          data: { name: c.name, port },
          suggest: [{ op: 'remove', path }],
        });
      }
    }
  },
});
