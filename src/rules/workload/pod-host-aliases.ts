import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { REF } from './internal/refs.ts';
import type { Rec } from './internal/values.ts';
import { asArray } from './internal/values.ts';

export default defineRule({
  id: 'pod-host-aliases',
  meta: {
    title: 'Pods do not override name resolution with hostAliases',
    description:
      "`hostAliases` writes entries into the pod's /etc/hosts, bypassing cluster DNS: names then resolve to fixed addresses that nobody audits, which hides redirections (to an attacker's address, around an egress proxy) and breaks when the addresses move.",
    severity: 'low',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      aliases:
        'Pod sets {{count}} hostAliases entries: its /etc/hosts resolves names outside cluster DNS.',
    },
    remediation:
      'Remove `hostAliases` and publish the names in DNS (an ExternalName or selector-less Service, or your DNS zone).',
    references: [REF.hostAliases],
    peers: { trivy: ['KSV007'], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const aliases = asArray((pod.spec as unknown as Rec).hostAliases);
    if (aliases.length === 0) return;
    const path = [...pod.path, 'hostAliases'];
    ctx.report({
      path,
      messageId: 'aliases',
      data: { count: aliases.length },
      suggest: [{ op: 'remove', path }],
    });
  },
});
