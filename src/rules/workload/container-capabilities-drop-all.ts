import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { capabilitiesOf, normalizeCapability } from './internal/capabilities.ts';
import { containersOf } from './internal/containers.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath, isWindowsPod } from './internal/security-context.ts';
import { isSet, stringsOf } from './internal/values.ts';

export default defineRule({
  id: 'container-capabilities-drop-all',
  meta: {
    title: 'Containers drop all capabilities',
    description:
      'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, …) that most applications never use. Dropping ALL and adding back only what is needed (usually nothing, sometimes NET_BIND_SERVICE) removes them. Privileged containers are left to `container-privileged`: they keep every capability whatever they drop.',
    severity: 'low',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      missing:
        'Container "{{name}}" does not drop capabilities: it keeps the runtime\'s default set (NET_RAW, SETUID, DAC_OVERRIDE, …).',
      partial:
        'Container "{{name}}" drops {{dropped}} but not ALL: it keeps the rest of the runtime\'s default capabilities.',
    },
    remediation:
      'Set `securityContext.capabilities.drop: ["ALL"]` and add back only the capabilities the process needs.',
    references: [REF.securityContext, REF.pss, REF.kernelConstraints, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV003', 'KSV106'],
      kubescape: ['C-0055', 'C-0201'],
      polaris: ['insecureCapabilities'],
      kubeScore: [],
      checkov: ['CKV_K8S_37', 'CKV_K8S_28'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    for (const c of containersOf(pod)) {
      if (c.securityContext?.privileged === true) continue;
      const drop = capabilitiesOf(c)?.drop;
      const dropped = stringsOf(drop);
      if (dropped.some((d) => normalizeCapability(d) === 'ALL')) continue;
      const path = containerContextPath(c, 'capabilities', 'drop');
      const partial = isSet(drop) && dropped.length > 0;
      ctx.report({
        path,
        messageId: partial ? 'partial' : 'missing',
        data: { name: c.name, dropped: dropped.join(', ') },
        suggest: [setField(ctx.object, path, ['ALL'])],
      });
    }
  },
});
