import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containerAnnotation } from './internal/annotations.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import { isWindowsPod, podContextPath, resolve } from './internal/security-context.ts';
import { asRecord, quoteList } from './internal/values.ts';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  id: 'container-apparmor-unconfined',
  meta: {
    title: 'Containers are not AppArmor-unconfined',
    description:
      'On nodes with AppArmor, the runtime confines containers with its default profile, which denies writes to /proc and /sys and mounts. An `Unconfined` profile turns that off. The rule reads `appArmorProfile` (container, else pod; Kubernetes 1.30+) and, for containers without the field, the deprecated `container.apparmor.security.beta.kubernetes.io/<name>` annotation. An unset profile is the runtime default and is not reported.',
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      unconfined:
        'Container "{{name}}" sets appArmorProfile type Unconfined: the runtime\'s AppArmor confinement is off.',
      podUnconfined:
        "Pod securityContext sets appArmorProfile type Unconfined for containers {{names}}: the runtime's AppArmor confinement is off.",
      annotation:
        'Container "{{name}}" is AppArmor-unconfined through the annotation {{key}}: unconfined.',
    },
    remediation:
      'Remove the Unconfined profile, or set `appArmorProfile.type: RuntimeDefault` (or `Localhost` with a profile of your own).',
    references: [REF.appArmor, REF.securityContext, REF.pss, REF.nsa],
    peers: {
      trivy: ['KSV002'],
      kubescape: ['C-0055'],
      polaris: ['linuxHardening'],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const inherited: string[] = [];
    for (const c of containersOf(pod)) {
      const profile = resolve(pod, c, 'appArmorProfile');
      if (profile !== undefined) {
        if (asRecord(profile.value)?.type !== 'Unconfined') continue;
        if (profile.level === 'pod') {
          inherited.push(c.name);
          continue;
        }
        const path = [...profile.path, 'type'];
        ctx.report({
          path,
          messageId: 'unconfined',
          data: { name: c.name },
          suggest: [{ op: 'replace', path, value: 'RuntimeDefault' }],
        });
        continue;
      }
      const annotation = containerAnnotation(pod, ANNOTATION, c);
      if (annotation?.value !== 'unconfined') continue;
      ctx.report({
        path: annotation.path,
        messageId: 'annotation',
        data: { name: c.name, key: `${ANNOTATION}${c.name}` },
        suggest: [{ op: 'replace', path: annotation.path, value: 'runtime/default' }],
      });
    }
    if (inherited.length > 0) {
      const path = podContextPath(pod, 'appArmorProfile', 'type');
      ctx.report({
        path,
        messageId: 'podUnconfined',
        data: { names: quoteList(inherited) },
        suggest: [{ op: 'replace', path, value: 'RuntimeDefault' }],
      });
    }
  },
});
