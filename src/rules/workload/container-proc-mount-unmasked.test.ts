import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-proc-mount-unmasked.ts';

const pod = (securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${securityContext}
`;

ruleTester.run(rule, {
  valid: [pod('procMount: Default'), pod('runAsNonRoot: true'), pod('procMount: unmasked')],
  invalid: [
    { yaml: pod('procMount: Unmasked'), errors: [{ messageId: 'unmasked', line: 10, column: 20 }] },
    {
      name: 'init container of a DaemonSet',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      hostUsers: false
      initContainers:
        - name: nested
          image: runtime:1
          securityContext: {procMount: Unmasked}
      containers:
        - name: agent
          image: agent:1
`,
      errors: [{ messageId: 'unmasked', line: 12, column: 40, message: '"nested"' }],
    },
  ],
});
