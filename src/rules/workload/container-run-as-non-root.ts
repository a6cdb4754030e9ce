import type { Severity } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import {
  asId,
  containerContextPath,
  isWindowsPod,
  podContextPath,
  resolve,
} from './internal/security-context.ts';
import { quoteList } from './internal/values.ts';

export default defineRule({
  id: 'container-run-as-non-root',
  meta: {
    title: 'Containers run as a non-root user',
    description:
      'A process running as UID 0 in a container is root on the node as soon as it escapes, and owns every file the container can reach. A container provably runs as non-root when its effective `runAsNonRoot` is true (the kubelet then refuses to start it as UID 0) or its effective `runAsUser` is non-zero; the container inherits both from the pod-level securityContext. Otherwise the user comes from the image (its USER instruction), which a manifest does not show, and the rule says so rather than claiming the container runs as root.',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      root: 'Container "{{name}}" runs as root: its securityContext sets runAsUser: 0.',
      podRoot:
        'Pod securityContext sets runAsUser: 0, so containers {{names}}, which do not override it, run as root.',
      unknown:
        'Container "{{name}}" may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser, so its user is the image\'s USER, which the manifest does not show.',
      disabled:
        'Container "{{name}}" sets runAsNonRoot: false and no non-zero runAsUser: it runs as root unless the image\'s USER is non-root, which the manifest does not show.',
      podDisabled:
        "Pod securityContext sets runAsNonRoot: false, and containers {{names}} set no non-zero runAsUser: they run as root unless their images' USER is non-root.",
    },
    remediation:
      'Set `runAsNonRoot: true` (and a non-zero `runAsUser` if the image has no numeric USER) in the pod or container securityContext.',
    references: [REF.securityContext, REF.pss, REF.cis, REF.nsa, REF.userNamespaces],
    peers: {
      trivy: ['KSV012', 'KSV105'],
      kubescape: ['C-0013', 'C-0198'],
      polaris: ['runAsRootAllowed'],
      kubeScore: ['container-security-context-user-group-id'],
      checkov: ['CKV_K8S_23'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    // In a user namespace UID 0 maps to an unprivileged host user: still root inside, far less outside.
    const severity: Severity | undefined =
      (pod.spec as { hostUsers?: unknown }).hostUsers === false ? 'low' : undefined;
    const extra = severity === undefined ? {} : { severity };
    const podRoot: string[] = [];
    const podDisabled: string[] = [];
    for (const c of containersOf(pod)) {
      const user = resolve(pod, c, 'runAsUser');
      const uid = asId(user?.value);
      if (user !== undefined && uid === 0) {
        if (user.level === 'pod') podRoot.push(c.name);
        else
          ctx.report({
            path: user.path,
            messageId: 'root',
            data: { name: c.name },
            severity: 'high',
          });
        continue;
      }
      const nonRoot = resolve(pod, c, 'runAsNonRoot');
      if (nonRoot?.value === true || (uid !== undefined && uid > 0)) continue;
      if (nonRoot?.level === 'pod') {
        podDisabled.push(c.name);
        continue;
      }
      const path = nonRoot?.path ?? containerContextPath(c, 'runAsNonRoot');
      ctx.report({
        path,
        messageId: nonRoot === undefined ? 'unknown' : 'disabled',
        data: { name: c.name },
        suggest: [setField(ctx.object, path, true)],
        ...extra,
      });
    }
    if (podRoot.length > 0) {
      ctx.report({
        path: podContextPath(pod, 'runAsUser'),
        messageId: 'podRoot',
        data: { names: quoteList(podRoot) },
        severity: severity ?? 'high',
      });
    }
    if (podDisabled.length > 0) {
      const path = podContextPath(pod, 'runAsNonRoot');
      ctx.report({
        path,
        messageId: 'podDisabled',
        data: { names: quoteList(podDisabled) },
        suggest: [setField(ctx.object, path, true)],
        ...extra,
      });
    }
  },
});
