/** A container image reference split as the container runtime reads it. */
export interface ImageRef {
  /** Registry host (and port), lower-cased; `docker.io` when the reference names none. */
  registry: string;
  /** Repository path inside the registry, `library/` added for Docker Hub official images. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

const WHITESPACE = /\s/;
// Docker Hub answers to several host names; references to any of them name the same images.
const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/**
 * Parses `[registry[:port]/]repository[:tag][@digest]` with the defaults of
 * github.com/distribution/reference: the first path component is a registry when it has a `.` or
 * a `:`, is `localhost`, or has upper-case letters; otherwise the image is on Docker Hub.
 * Returns undefined for values that are not references at all (empty, or with whitespace).
 */
export function parseImage(image: unknown): ImageRef | undefined {
  if (typeof image !== 'string' || image === '' || WHITESPACE.test(image)) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase()
    ) {
      registry = first.toLowerCase();
      rest = rest.slice(slash + 1);
    }
  }
  if (DOCKER_HUB.has(registry)) {
    registry = 'docker.io';
    if (!rest.includes('/')) rest = `library/${rest}`;
  }
  return {
    registry,
    repository: rest,
    tag: tag === '' ? undefined : tag,
    digest: digest === '' ? undefined : digest,
  };
}

/** `registry/repository`, the name allow lists match against. */
export function imageName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}
