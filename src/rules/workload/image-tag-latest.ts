import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { parseImage } from './internal/image.ts';
import { REF } from './internal/refs.ts';

export default defineRule({
  id: 'image-tag-latest',
  meta: {
    title: 'Images name a version, not latest',
    description:
      'An image without a tag means `:latest`, and `latest` names whatever was pushed last: two nodes can run different code under one manifest, a rollback redeploys the same moving target, and nobody can tell from the manifest what runs. An image pinned by digest is immutable whatever its tag and is not reported.',
    severity: 'medium',
    category: 'images',
    workloadsOnly: true,
    messages: {
      latest:
        'Container "{{name}}" runs image {{image}}, tagged latest: what runs changes with every push.',
      missing:
        'Container "{{name}}" runs image {{image}} without a tag, which means latest: what runs changes with every push.',
    },
    remediation:
      'Use a version tag (`nginx:1.27.3`), or better a digest (`nginx:1.27.3@sha256:…`), and update it deliberately.',
    references: [REF.images, REF.configOverview],
    peers: {
      trivy: ['KSV013'],
      kubescape: ['C-0075'],
      polaris: ['tagNotSpecified'],
      kubeScore: ['container-image-tag'],
      checkov: ['CKV_K8S_14'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    for (const c of containersOf(pod)) {
      const image = c.value.image;
      const ref = parseImage(image);
      if (ref === undefined || ref.digest !== undefined) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      ctx.report({
        path: [...c.path, 'image'],
        messageId: ref.tag === undefined ? 'missing' : 'latest',
        data: { name: c.name, image: String(image) },
      });
    }
  },
});
