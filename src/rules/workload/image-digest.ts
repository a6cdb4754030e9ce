import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { parseImage } from './internal/image.ts';
import { REF } from './internal/refs.ts';

export default defineRule({
  id: 'image-digest',
  meta: {
    title: 'Images are pinned by digest',
    description:
      'Tags are mutable: whoever can push to the repository (or compromise it) can make `app:1.4.2` mean different bytes tomorrow. A digest (`@sha256:…`) names exactly one image, so what was reviewed and scanned is what runs. Many teams pin digests through their deployment tooling rather than in manifests, so this is informational.',
    severity: 'info',
    category: 'images',
    workloadsOnly: true,
    messages: {
      unpinned:
        'Container "{{name}}" runs image {{image}} without a digest: its tag can be moved to other content.',
    },
    remediation:
      'Append the digest of the reviewed image (`registry/app:1.4.2@sha256:…`), e.g. with `crane digest` or your CI, and let a bot update it.',
    references: [REF.images, REF.nsa],
    peers: {
      trivy: [],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_K8S_43'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    for (const c of containersOf(pod)) {
      const image = c.value.image;
      const ref = parseImage(image);
      if (ref === undefined || ref.digest !== undefined) continue;
      ctx.report({
        path: [...c.path, 'image'],
        messageId: 'unpinned',
        data: { name: c.name, image: String(image) },
      });
    }
  },
});
