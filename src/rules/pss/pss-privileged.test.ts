import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-privileged.ts';

const pod = (privileged: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: nginx
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        privileged: ${privileged}
`;

ruleTester.run(rule, {
  valid: [
    pod('false'),
    {
      name: 'privileged level enforces nothing',
      yaml: pod('true').replace('name: web', 'name: tools'),
      settings: { pss: { level: 'privileged', version: 'latest' } },
    },
    {
      name: 'namespace labelled privileged',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: system
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
${pod('true').replace('  name: web', '  name: web\n  namespace: system')}`,
    },
  ],
  invalid: [
    {
      yaml: pod('true'),
      errors: [
        {
          messageId: 'forbidden',
          line: 17,
          column: 21,
          message:
            'privileged (container "web" must not set securityContext.privileged=true) [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      name: 'Deployment in a baseline namespace, init container',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.25
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox
          securityContext: { privileged: true }
      containers:
        - name: web
          image: nginx
`,
      errors: [
        { messageId: 'forbidden', line: 20, column: 42, message: '[PodSecurity baseline:v1.25]' },
      ],
    },
  ],
});
