import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-apparmor-unconfined.ts';

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    ${podContext}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${containerContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('runAsNonRoot: true', 'runAsNonRoot: true'),
    pod('appArmorProfile: {type: RuntimeDefault}', 'runAsNonRoot: true'),
    pod(
      'appArmorProfile: {type: Unconfined}',
      'appArmorProfile: {type: Localhost, localhostProfile: k8s-app}',
    ),
    {
      name: 'the field wins over the annotation',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        appArmorProfile: {type: RuntimeDefault}
`,
    },
  ],
  invalid: [
    {
      yaml: pod('runAsNonRoot: true', 'appArmorProfile: {type: Unconfined}'),
      errors: [{ messageId: 'unconfined', line: 12, column: 33 }],
    },
    {
      yaml: pod('appArmorProfile: {type: Unconfined}', 'runAsNonRoot: true'),
      errors: [{ messageId: 'podUnconfined', line: 7, column: 29 }],
    },
    {
      name: 'legacy annotation in a Deployment template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ messageId: 'annotation', line: 9, column: 61 }],
    },
  ],
});
