import { describe, expect, it } from 'vitest';
import { loadTexts, DEFAULT_LOAD_OPTIONS } from './load.ts';
import { Locator } from './locate.ts';
import type { ObjectPath } from '../engine/finding.ts';

const TEXT = `# leading comment
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: "é-two"
spec:
  containers: [{name: b, securityContext: {privileged: yes}}]
`;

function locate(objectIndex: number, path: ObjectPath) {
  const loaded = loadTexts([{ path: 'f.yaml', text: TEXT }], DEFAULT_LOAD_OPTIONS);
  const item = loaded.objects[objectIndex];
  if (item === undefined) throw new Error('no object');
  const loc = new Locator(loaded.files).locate(item.origin, path);
  return loc && [loc.line, loc.column, loc.endLine, loc.endColumn, loc.exact];
}

describe('Locator', () => {
  it('points at a scalar value, inside List items', () => {
    expect(locate(0, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual([
      13,
      21,
      13,
      25,
      true,
    ]);
  });

  it('points at the key of a collection', () => {
    expect(locate(0, ['spec', 'containers', 0, 'securityContext'])).toEqual([12, 7, 12, 22, true]);
  });

  it('points at the first key of a list item', () => {
    expect(locate(0, ['spec', 'containers', 0])).toEqual([10, 7, 10, 11, true]);
  });

  it('falls back to the closest existing ancestor for a missing field', () => {
    expect(locate(0, ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'])).toEqual([
      12,
      7,
      12,
      22,
      false,
    ]);
    expect(locate(0, ['spec', 'hostPID'])).toEqual([8, 3, 8, 7, false]);
  });

  it('works in later documents and flow collections, counting UTF-16 columns', () => {
    expect(locate(1, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual([
      20,
      56,
      20,
      59,
      true,
    ]);
    expect(locate(1, ['metadata', 'name'])).toEqual([18, 9, 18, 16, true]);
  });
});
