import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-tokens.ts';
import { dockerConfigCredentials } from './dockerconfig.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('dockerConfigCredentials', () => {
  it('reports registries whose auth or password is real', () => {
    const config = JSON.stringify({
      auths: {
        'ghcr.io': { auth: b64(`bot:${FAKE.githubPat}`) },
        'registry.example.org': { username: 'ci', password: FAKE.randomSecret },
        'https://user:pw@private.registry': { identitytoken: FAKE.randomSecret },
        'quay.io': { auth: b64('robot:') },
        'docker.io': { auth: b64('user:<password>') },
      },
      credHelpers: { 'gcr.io': 'gcloud' },
    });
    expect(dockerConfigCredentials(config, false)).toEqual([
      { registry: 'ghcr.io', field: 'auth' },
      { registry: 'registry.example.org', field: 'password' },
      { registry: 'https://private.registry', field: 'identitytoken' },
    ]);
  });

  it('reads the legacy .dockercfg layout only when told', () => {
    const legacy = JSON.stringify({
      'index.docker.io': { auth: b64('me:Zq8rT2vLm9'), email: 'me@x.io' },
    });
    expect(dockerConfigCredentials(legacy, true)).toEqual([
      { registry: 'index.docker.io', field: 'auth' },
    ]);
    expect(dockerConfigCredentials(legacy, false)).toBeUndefined();
  });

  it('is undefined for other text and accepts helper-only configs', () => {
    expect(dockerConfigCredentials('not json "auths"', false)).toBeUndefined();
    expect(
      dockerConfigCredentials(JSON.stringify({ auths: {}, credsStore: 'ecr-login' }), false),
    ).toEqual([]);
  });
});
