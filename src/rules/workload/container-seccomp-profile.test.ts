import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './container-seccomp-profile.ts';

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
    pod('seccompProfile: {type: RuntimeDefault}', 'runAsNonRoot: true'),
    pod('runAsNonRoot: true', 'seccompProfile: {type: Localhost, localhostProfile: app.json}'),
    pod('seccompProfile: {type: Unconfined}', 'seccompProfile: {type: RuntimeDefault}'),
    {
      name: 'init and ephemeral containers inherit the pod profile',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
    {
      name: 'Windows pods',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
    - name: app
      image: app:1
`,
    },
  ],
  invalid: [
    {
      name: 'a profile only in the deprecated pod annotation: safe fix to the field',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
    spec:
      containers:
        - name: app
          image: nginx:1.27
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
      errors: [{ messageId: 'podLegacyAnnotation', line: 10, column: 5, severity: 'low' }],
    },
    {
      name: 'a Localhost profile in the deprecated container annotation',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: Localhost
          localhostProfile: profiles/app.json
`,
      errors: [{ messageId: 'legacyAnnotation', line: 11, column: 7, severity: 'low' }],
    },
    {
      name: 'nothing set: points at the container securityContext',
      yaml: pod('runAsNonRoot: true', 'runAsUser: 10001'),
      errors: [{ messageId: 'notSet', line: 11, column: 7, severity: 'medium' }],
    },
    {
      yaml: pod('runAsNonRoot: true', 'seccompProfile: {type: Unconfined}'),
      errors: [{ messageId: 'unconfined', line: 12, column: 32, severity: 'high' }],
    },
    {
      name: 'pod Unconfined inherited: one finding at the pod',
      yaml: pod('seccompProfile: {type: Unconfined}', 'runAsNonRoot: true'),
      errors: [{ messageId: 'podUnconfined', line: 7, column: 28, message: 'containers "app"' }],
    },
    {
      name: 'a profile without a type',
      yaml: pod('seccompProfile: {}', 'runAsNonRoot: true'),
      errors: [{ messageId: 'notSet', line: 7, column: 5 }],
    },
    {
      name: 'unconfined through the deprecated container annotation',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.seccomp.security.alpha.kubernetes.io/app: unconfined
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ messageId: 'annotationUnconfined', line: 6, column: 57, severity: 'high' }],
    },
  ],
});

describe('container-seccomp-profile suggestions', () => {
  it('adds a RuntimeDefault profile to the container', () => {
    const [finding] = runRule(rule, { yaml: pod('runAsNonRoot: true', 'runAsUser: 10001') });
    expect(finding?.suggest).toEqual([
      {
        op: 'add',
        path: ['spec', 'containers', 0, 'securityContext', 'seccompProfile'],
        value: { type: 'RuntimeDefault' },
      },
    ]);
  });
});
