import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { REF } from './internal/refs.ts';
import { isWindowsPod, podContextPath, podSecurityContext } from './internal/security-context.ts';
import { asArray, asRecord, stringsOf } from './internal/values.ts';

/** Namespaced sysctls the kubelet allows by default (the "safe set"), up to Kubernetes 1.32. */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

const SEPARATORS = /[./]/g;

/** `net/ipv4/ip_forward` and `net.ipv4.ip_forward` are one sysctl (the kubelet swaps `/` and `.`). */
function normalize(name: string): string {
  const dot = name.indexOf('.');
  const slash = name.indexOf('/');
  if (slash === -1 || (dot !== -1 && dot < slash)) return name;
  return name.replace(SEPARATORS, (c) => (c === '/' ? '.' : '/'));
}

function allowed(name: string, extra: readonly string[]): boolean {
  if (SAFE.has(name)) return true;
  return extra.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

export default defineRule({
  id: 'pod-unsafe-sysctls',
  meta: {
    title: 'Pods set only safe sysctls',
    description:
      "Kernel parameters set through `securityContext.sysctls` outside the kubelet's safe set are not isolated per pod, or can exhaust or destabilise the node (kernel.msgmax, net.core.*, vm.*). The kubelet refuses them unless an administrator allowed them with `--allowed-unsafe-sysctls`, and then they affect more than the pod.",
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      unsafe:
        "Pod sets the sysctl {{sysctl}}, which is outside the kubelet's safe set: it may affect the whole node.",
    },
    remediation:
      'Remove the sysctl or tune it on the node; if the workload needs it, run it on dedicated nodes that allow it and list it in `allowedSysctls`.',
    references: [REF.sysctls, REF.pss],
    peers: { trivy: ['KSV026'], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
    schema: {
      type: 'object',
      properties: { allowedSysctls: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { allowedSysctls: [] },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const extra = stringsOf(ctx.options.allowedSysctls);
    const sysctls = asArray(podSecurityContext(pod)?.sysctls);
    for (let i = 0; i < sysctls.length; i++) {
      const name = asRecord(sysctls[i])?.name;
      if (typeof name !== 'string' || name === '') continue;
      const sysctl = normalize(name);
      if (allowed(sysctl, extra)) continue;
      const path = [...podContextPath(pod, 'sysctls'), i, 'name'];
      ctx.report({ path, messageId: 'unsafe', data: { sysctl } });
    }
  },
});
