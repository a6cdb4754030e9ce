import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-host-namespaces.ts';

const pod = (specLines: string) => `apiVersion: v1
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
${specLines}`;

ruleTester.run(rule, {
  valid: [pod(''), pod('  hostNetwork: false\n  hostPID: false\n')],
  invalid: [
    {
      yaml: pod('  hostNetwork: true\n  hostPID: true\n'),
      errors: [
        {
          messageId: 'forbidden',
          line: 17,
          column: 16,
          message: 'host namespaces (hostNetwork=true, hostPID=true)',
        },
        { messageId: 'forbidden', line: 18, column: 12 },
      ],
    },
    {
      name: 'baseline namespace',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels: { pod-security.kubernetes.io/enforce: baseline }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: apps }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          hostIPC: true
          containers: [{ name: report, image: busybox }]
`,
      errors: [
        {
          messageId: 'forbidden',
          line: 16,
          column: 20,
          message: 'host namespaces (hostIPC=true) [PodSecurity baseline:latest]',
        },
      ],
    },
  ],
});
