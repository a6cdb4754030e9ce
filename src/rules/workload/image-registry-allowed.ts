import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { imageName, parseImage } from './internal/image.ts';
import { REF } from './internal/refs.ts';
import { stringsOf } from './internal/values.ts';

/** A starter list for users who enable the rule without configuring it: Kubernetes' own images and Docker Official Images. */
const DEFAULT_REGISTRIES = ['registry.k8s.io', 'docker.io/library'];
const SPECIAL = /[.+?^${}()|[\]\\]/g;
const TRAILING_SLASHES = /\/+$/;
const compiled = new WeakMap<object, readonly RegExp[]>();

/**
 * An allow-list entry as a pattern over `registry/repository`: it matches that name and every
 * repository under it; `*` matches within one path segment; entries without a registry host
 * (`bitnami`) are Docker Hub namespaces.
 */
function entryPattern(entry: string): RegExp | undefined {
  let text = entry.trim().toLowerCase().replace(TRAILING_SLASHES, '');
  if (text === '') return undefined;
  const first = text.split('/')[0] ?? '';
  if (
    !first.includes('.') &&
    !first.includes(':') &&
    first !== 'localhost' &&
    !first.includes('*')
  ) {
    text = `docker.io/${text}`;
  }
  const body = text.replace(SPECIAL, '\\$&').replaceAll('*', '[^/]*');
  return new RegExp(`^${body}(?:/.*)?$`);
}

function patternsOf(option: unknown): readonly RegExp[] {
  if (!Array.isArray(option)) return [];
  let patterns = compiled.get(option);
  if (patterns === undefined) {
    patterns = stringsOf(option)
      .map(entryPattern)
      .filter((p): p is RegExp => p !== undefined);
    compiled.set(option, patterns);
  }
  return patterns;
}

export default defineRule({
  id: 'image-registry-allowed',
  meta: {
    title: 'Images come from allowed registries',
    description:
      'Images pulled from arbitrary registries bypass the scanning, signing and provenance checks an organisation applies to its own. With `allowedRegistries` set, every container image (init and ephemeral included, Docker Hub defaults applied: `nginx` is `docker.io/library/nginx`) must start with one of the entries. The rule is opt-in; its default list (registry.k8s.io and Docker Official Images) is only a starting point, and an empty list turns it off.',
    severity: 'medium',
    category: 'images',
    workloadsOnly: true,
    optIn: true,
    messages: {
      notAllowed:
        'Container "{{name}}" runs image {{image}} from {{registry}}, which is not on the allowed registry list.',
    },
    remediation:
      'Mirror the image into an allowed registry (and scan it there), or add the registry to `allowedRegistries`.',
    references: [REF.images, REF.nsa],
    peers: {
      trivy: ['KSV032', 'KSV033', 'KSV034', 'KSV035'],
      kubescape: ['C-0078', 'C-0001'],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { allowedRegistries: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { allowedRegistries: DEFAULT_REGISTRIES },
  },
  check(ctx) {
    const patterns = patternsOf(ctx.options.allowedRegistries);
    if (patterns.length === 0) return;
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    for (const c of containersOf(pod)) {
      const image = c.value.image;
      const ref = parseImage(image);
      if (ref === undefined) continue;
      const name = imageName(ref);
      if (patterns.some((p) => p.test(name))) continue;
      ctx.report({
        path: [...c.path, 'image'],
        messageId: 'notAllowed',
        data: { name: c.name, image: String(image), registry: ref.registry },
      });
    }
  },
});
