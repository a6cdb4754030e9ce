import { describe, expect, it } from 'vitest';
import { setField } from './patch.ts';

const pod = {
  spec: {
    securityContext: null,
    containers: [{ name: 'app', securityContext: { runAsNonRoot: false } }, { name: 'sidecar' }],
  },
};

describe('setField', () => {
  it('replaces an existing field', () => {
    const path = ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'];
    expect(setField(pod, path, true)).toEqual({ op: 'replace', path, value: true });
  });

  it('adds a missing field to an existing parent', () => {
    const path = ['spec', 'containers', 0, 'securityContext', 'readOnlyRootFilesystem'];
    expect(setField(pod, path, true)).toEqual({ op: 'add', path, value: true });
  });

  it('adds the nearest missing parent with the nested value', () => {
    expect(
      setField(pod, ['spec', 'containers', 1, 'securityContext', 'capabilities', 'drop'], ['ALL']),
    ).toEqual({
      op: 'add',
      path: ['spec', 'containers', 1, 'securityContext'],
      value: { capabilities: { drop: ['ALL'] } },
    });
  });

  it('replaces a parent that is not an object (an empty YAML key reads as null)', () => {
    expect(setField(pod, ['spec', 'securityContext', 'runAsNonRoot'], true)).toEqual({
      op: 'replace',
      path: ['spec', 'securityContext'],
      value: { runAsNonRoot: true },
    });
  });
});
