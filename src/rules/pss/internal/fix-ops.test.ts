import { describe, expect, it } from 'vitest';
import { exists, removeValue, setValue, valueAt } from './fix-ops.ts';

const pod = {
  spec: {
    containers: [
      { name: 'a', securityContext: { privileged: true, capabilities: null } },
      { name: 'b' },
    ],
  },
};

describe('setValue', () => {
  it('replaces an existing value', () => {
    expect(
      setValue(pod, ['spec', 'containers', 0, 'securityContext', 'privileged'], false),
    ).toEqual({
      op: 'replace',
      path: ['spec', 'containers', 0, 'securityContext', 'privileged'],
      value: false,
    });
  });

  it('adds at the first missing parent, nesting the rest of the path', () => {
    expect(
      setValue(pod, ['spec', 'containers', 1, 'securityContext', 'runAsNonRoot'], true),
    ).toEqual({
      op: 'add',
      path: ['spec', 'containers', 1, 'securityContext'],
      value: { runAsNonRoot: true },
    });
  });

  it('replaces a parent that holds no object', () => {
    expect(
      setValue(pod, ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'], ['ALL']),
    ).toEqual({
      op: 'replace',
      path: ['spec', 'containers', 0, 'securityContext', 'capabilities'],
      value: { drop: ['ALL'] },
    });
  });
});

describe('path helpers', () => {
  it('reads and tests paths without throwing on junk', () => {
    expect(exists(pod, ['spec', 'containers', 0, 'name'])).toBe(true);
    expect(exists(pod, ['spec', 'containers', 5, 'name'])).toBe(false);
    expect(exists(pod, ['spec', 'containers', 'x'])).toBe(false);
    expect(valueAt(pod, ['spec', 'containers', 1, 'name'])).toBe('b');
    expect(valueAt(5, ['a', 1])).toBeUndefined();
    expect(removeValue(['a'])).toEqual({ op: 'remove', path: ['a'] });
  });
});
