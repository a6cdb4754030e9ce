import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './image-pull-policy.ts';

const pod = (image: string, policy = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}${policy === '' ? '' : `\n      imagePullPolicy: ${policy}`}
`;

const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

ruleTester.run(rule, {
  valid: [
    pod('nginx:1.27', 'Always'),
    { name: 'latest and untagged default to Always', yaml: pod('nginx:latest') },
    pod('nginx'),
    { name: 'digests are immutable', yaml: pod(`nginx:1.27@${DIGEST}`, 'IfNotPresent') },
  ],
  invalid: [
    {
      name: 'a version tag defaults to IfNotPresent',
      yaml: pod('nginx:1.27'),
      errors: [{ messageId: 'defaulted', line: 7, column: 7 }],
    },
    {
      yaml: pod('nginx:latest', 'IfNotPresent'),
      errors: [{ messageId: 'explicit', line: 9, column: 24, message: 'IfNotPresent' }],
    },
    {
      yaml: pod('app:2', 'Never'),
      errors: [{ messageId: 'explicit', line: 9, column: 24, message: 'Never' }],
    },
  ],
});

describe('image-pull-policy suggestion', () => {
  it('adds imagePullPolicy: Always', () => {
    const [finding] = runRule(rule, { yaml: pod('nginx:1.27') });
    expect(finding?.suggest).toEqual([
      { op: 'add', path: ['spec', 'containers', 0, 'imagePullPolicy'], value: 'Always' },
    ]);
  });
});
