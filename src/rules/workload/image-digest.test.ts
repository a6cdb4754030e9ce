import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './image-digest.ts';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`;

const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

ruleTester.run(rule, {
  valid: [pod(`nginx@${DIGEST}`), pod(`ghcr.io/org/app:1.4.2@${DIGEST}`), pod('""'), pod('42')],
  invalid: [
    {
      yaml: pod('nginx:1.27.3'),
      errors: [{ messageId: 'unpinned', line: 8, column: 14, severity: 'info' }],
    },
    { yaml: pod('ghcr.io/org/app'), errors: [{ messageId: 'unpinned', line: 8, column: 14 }] },
  ],
});
