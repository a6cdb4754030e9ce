import { describe, expect, it } from 'vitest';
import { imageName, parseImage } from './image.ts';

const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

describe('parseImage', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7', undefined],
    ['index.docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/team/app:v2', 'localhost:5000', 'team/app', 'v2', undefined],
    ['Registry.Example.com/App', 'registry.example.com', 'App', undefined, undefined],
    [`ghcr.io/org/app:1.2@${DIGEST}`, 'ghcr.io', 'org/app', '1.2', DIGEST],
    [`nginx@${DIGEST}`, 'docker.io', 'library/nginx', undefined, DIGEST],
  ])('%s', (image, registry, repository, tag, digest) => {
    expect(parseImage(image)).toEqual({ registry, repository, tag, digest });
  });

  it('rejects values that are not references', () => {
    for (const value of ['', '{{ .Values.image }}', 42, null, undefined, ['nginx']]) {
      expect(parseImage(value)).toBeUndefined();
    }
  });

  it('names images by registry and repository', () => {
    const ref = parseImage('nginx:1.27');
    expect(ref && imageName(ref)).toBe('docker.io/library/nginx');
  });
});
