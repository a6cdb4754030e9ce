import type { ObjectPath } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containerAnnotation, podAnnotation } from './internal/annotations.ts';
import { containersOf } from './internal/containers.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import {
  containerContextPath,
  isWindowsPod,
  podContextPath,
  resolve,
} from './internal/security-context.ts';
import { asRecord, quoteList } from './internal/values.ts';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const LOCALHOST = 'localhost/';

/** The `seccompProfile` field a deprecated annotation value means (as the API server converts it). */
function fieldFor(value: string): Record<string, string> | undefined {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' };
  if (value.startsWith(LOCALHOST) && value.length > LOCALHOST.length) {
    return { type: 'Localhost', localhostProfile: value.slice(LOCALHOST.length) };
  }
  return undefined;
}

export default defineRule({
  id: 'container-seccomp-profile',
  meta: {
    title: 'Containers run under a seccomp profile',
    description:
      "Seccomp filters the system calls a container may make; the runtime's default profile blocks the rarely needed calls behind many kernel exploits. Kubernetes runs containers Unconfined unless the pod or container sets `seccompProfile` (or the kubelet runs with `--seccomp-default`). The rule resolves the profile as the kubelet does: the container's `seccompProfile`, else the pod's, else the deprecated annotations. It reports a missing profile (medium), an explicit `Unconfined` (high), and a profile set only through a deprecated annotation (low, with a safe fix that writes the equivalent field).",
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      notSet:
        'Container "{{name}}" has no seccomp profile (neither it nor the pod sets seccompProfile): it runs Unconfined unless the kubelet defaults to RuntimeDefault.',
      unconfined:
        'Container "{{name}}" sets seccompProfile type Unconfined: every system call is allowed.',
      podUnconfined:
        'Pod securityContext sets seccompProfile type Unconfined for containers {{names}}: every system call is allowed.',
      legacyAnnotation:
        'Container "{{name}}" gets its seccomp profile ({{value}}) only from the deprecated annotation {{key}}; set securityContext.seccompProfile instead.',
      podLegacyAnnotation:
        'Containers {{names}} get their seccomp profile ({{value}}) only from the deprecated annotation {{key}}; set the pod securityContext.seccompProfile instead.',
      annotationUnconfined:
        'Container "{{name}}" is Unconfined through the deprecated annotation {{key}}: every system call is allowed.',
    },
    remediation:
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or `Localhost` with a profile of your own).',
    references: [REF.seccomp, REF.securityContext, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV030', 'KSV104'],
      kubescape: ['C-0055', 'C-0210'],
      polaris: ['linuxHardening'],
      kubeScore: ['container-seccomp-profile'],
      checkov: ['CKV_K8S_31'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const podUnconfined: string[] = [];
    const podLegacy: string[] = [];
    let podLegacyProfile: Record<string, string> = {};
    let podLegacyValue = '';
    const unconfined = (path: ObjectPath) => [
      { op: 'replace' as const, path, value: 'RuntimeDefault' },
    ];
    for (const c of containersOf(pod)) {
      const profile = resolve(pod, c, 'seccompProfile');
      const type = asRecord(profile?.value)?.type;
      if (type === 'RuntimeDefault' || type === 'Localhost') continue;
      if (profile !== undefined && type === 'Unconfined') {
        const path = [...profile.path, 'type'];
        if (profile.level === 'pod') podUnconfined.push(c.name);
        else
          ctx.report({
            path,
            messageId: 'unconfined',
            data: { name: c.name },
            severity: 'high',
            suggest: unconfined(path),
          });
        continue;
      }
      if (profile === undefined) {
        const annotation =
          containerAnnotation(pod, CONTAINER_ANNOTATION, c) ?? podAnnotation(pod, POD_ANNOTATION);
        const key = String(annotation?.path[annotation.path.length - 1]);
        if (annotation?.value === 'unconfined') {
          ctx.report({
            path: annotation.path,
            messageId: 'annotationUnconfined',
            data: { name: c.name, key },
            severity: 'high',
            suggest: [{ op: 'replace', path: annotation.path, value: 'runtime/default' }],
          });
          continue;
        }
        const migrated = annotation === undefined ? undefined : fieldFor(annotation.value);
        if (annotation !== undefined && migrated !== undefined) {
          if (key === POD_ANNOTATION) {
            podLegacy.push(c.name);
            podLegacyProfile = migrated;
            podLegacyValue = annotation.value;
            continue;
          }
          const path = containerContextPath(c, 'seccompProfile');
          ctx.report({
            path,
            messageId: 'legacyAnnotation',
            data: { name: c.name, key, value: annotation.value },
            severity: 'low',
            fix: [setField(ctx.object, path, migrated)],
          });
          continue;
        }
      }
      // No profile, or one without a usable type.
      const path =
        profile === undefined
          ? containerContextPath(c, 'seccompProfile')
          : [...profile.path, 'type'];
      ctx.report({
        path,
        messageId: 'notSet',
        data: { name: c.name },
        suggest: [
          profile === undefined
            ? setField(ctx.object, path, { type: 'RuntimeDefault' })
            : setField(ctx.object, path, 'RuntimeDefault'),
        ],
      });
    }
    if (podLegacy.length > 0) {
      const path = podContextPath(pod, 'seccompProfile');
      ctx.report({
        path,
        messageId: 'podLegacyAnnotation',
        data: { names: quoteList(podLegacy), key: POD_ANNOTATION, value: podLegacyValue },
        severity: 'low',
        fix: [setField(ctx.object, path, podLegacyProfile)],
      });
    }
    if (podUnconfined.length > 0) {
      const path = podContextPath(pod, 'seccompProfile', 'type');
      ctx.report({
        path,
        messageId: 'podUnconfined',
        data: { names: quoteList(podUnconfined) },
        severity: 'high',
        suggest: unconfined(path),
      });
    }
  },
});
