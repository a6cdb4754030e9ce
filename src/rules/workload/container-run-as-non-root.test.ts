import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './container-run-as-non-root.ts';

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
    pod('runAsNonRoot: true', 'readOnlyRootFilesystem: true'),
    pod('fsGroup: 2000', 'runAsNonRoot: true'),
    pod('runAsUser: 10001', 'readOnlyRootFilesystem: true'),
    pod('runAsNonRoot: false', 'runAsUser: 1000'),
    pod('runAsUser: 0', 'runAsUser: 1000'),
    {
      name: 'init and regular containers inherit from the pod',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: true}
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
`,
    },
    {
      name: 'Windows pods use runAsUserName',
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
      name: 'nothing set anywhere: the image decides',
      yaml: pod('fsGroup: 2000', 'readOnlyRootFilesystem: true'),
      errors: [{ messageId: 'unknown', line: 11, column: 7, message: "the image's USER" }],
    },
    {
      name: 'container runAsUser 0 wins over the pod',
      yaml: pod('runAsNonRoot: true', 'runAsUser: 0'),
      errors: [{ messageId: 'root', line: 12, column: 20, severity: 'high' }],
    },
    {
      name: 'pod runAsUser 0 inherited',
      yaml: pod('runAsUser: 0', 'readOnlyRootFilesystem: true'),
      errors: [{ messageId: 'podRoot', line: 7, column: 16, message: '"app"', severity: 'high' }],
    },
    {
      name: 'container runAsNonRoot false overrides the pod',
      yaml: pod('runAsNonRoot: true', 'runAsNonRoot: false'),
      errors: [{ messageId: 'disabled', line: 12, column: 23 }],
    },
    {
      name: 'pod runAsNonRoot false inherited',
      yaml: pod('runAsNonRoot: false', 'readOnlyRootFilesystem: true'),
      errors: [{ messageId: 'podDisabled', line: 7, column: 19 }],
    },
    {
      name: 'user namespaces lower the severity',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ messageId: 'unknown', line: 8, column: 7, severity: 'low' }],
    },
    {
      name: 'a non-integer runAsUser proves nothing; ephemeral container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: {runAsNonRoot: true}
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext: {runAsNonRoot: false, runAsUser: "1000"}
`,
      errors: [{ messageId: 'disabled', line: 13, column: 39, message: '"debug"' }],
    },
  ],
});

describe('container-run-as-non-root suggestions', () => {
  it('adds securityContext when the container has none', () => {
    const [finding] = runRule(rule, {
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    });
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggest).toEqual([
      {
        op: 'add',
        path: ['spec', 'containers', 0, 'securityContext'],
        value: { runAsNonRoot: true },
      },
    ]);
  });

  it('replaces an explicit false', () => {
    const [finding] = runRule(rule, { yaml: pod('fsGroup: 1', 'runAsNonRoot: false') });
    expect(finding?.suggest).toEqual([
      {
        op: 'replace',
        path: ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
        value: true,
      },
    ]);
  });
});
