import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { parseImage } from './internal/image.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';

export default defineRule({
  id: 'image-pull-policy',
  meta: {
    title: 'Images referenced by a mutable tag are always pulled',
    description:
      'With `IfNotPresent` (the default for any tag but latest) or `Never`, a node runs whatever image it cached under the tag, so nodes disagree after the tag moves, and a pod can use a private image cached by another tenant without the registry checking its pull credentials. `Always` makes the kubelet resolve the tag at every start (layers stay cached). Images pinned by digest are immutable and are not reported.',
    severity: 'low',
    category: 'images',
    workloadsOnly: true,
    messages: {
      explicit:
        'Container "{{name}}" uses imagePullPolicy {{policy}} with the mutable reference {{image}}: nodes may run different images under it.',
      defaulted:
        'Container "{{name}}" runs {{image}} without imagePullPolicy, which defaults to IfNotPresent: nodes may run different images under the tag.',
    },
    remediation: 'Pin the image by digest, or set `imagePullPolicy: Always`.',
    references: [REF.images, REF.configOverview],
    peers: {
      trivy: [],
      kubescape: ['C-0075'],
      polaris: ['pullPolicyNotAlways'],
      kubeScore: ['container-image-pull-policy'],
      checkov: ['CKV_K8S_15'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    for (const c of containersOf(pod)) {
      const image = c.value.image;
      const ref = parseImage(image);
      if (ref === undefined || ref.digest !== undefined) continue;
      const policy = c.value.imagePullPolicy;
      const mutableDefault =
        ref.tag === undefined || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
      const effective = typeof policy === 'string' ? policy : mutableDefault;
      if (effective === 'Always') continue;
      const path = [...c.path, 'imagePullPolicy'];
      ctx.report({
        path,
        messageId: typeof policy === 'string' ? 'explicit' : 'defaulted',
        data: { name: c.name, image: String(image), policy: effective },
        suggest: [setField(ctx.object, path, 'Always')],
      });
    }
  },
});
