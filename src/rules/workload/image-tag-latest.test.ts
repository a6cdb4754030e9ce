import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './image-tag-latest.ts';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`;

ruleTester.run(rule, {
  valid: [
    pod('nginx:1.27.3'),
    pod('registry.example.com:5000/team/app:v2'),
    pod('nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'),
    pod('nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'),
    pod('"{{ .Values.image }}"'),
  ],
  invalid: [
    { yaml: pod('nginx:latest'), errors: [{ messageId: 'latest', line: 8, column: 14 }] },
    {
      name: 'no tag means latest; a registry port is not a tag',
      yaml: pod('localhost:5000/app'),
      errors: [{ messageId: 'missing', line: 8, column: 14, message: 'localhost:5000/app' }],
    },
    {
      name: 'init and ephemeral containers',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: busybox
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: docker.io/library/busybox:latest
`,
      errors: [
        { messageId: 'missing', line: 8, column: 14, message: '"setup"' },
        { messageId: 'latest', line: 14, column: 14, message: '"debug"' },
      ],
    },
  ],
});
