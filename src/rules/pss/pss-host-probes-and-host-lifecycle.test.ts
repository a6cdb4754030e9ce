import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-host-probes-and-host-lifecycle.ts';

const pod = (name: string, host: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: web
      image: nginx
      livenessProbe:
        httpGet: { port: 8080, path: /healthz${host} }
      lifecycle:
        preStop:
          tcpSocket: { port: 8080 }
`;

ruleTester.run(rule, {
  valid: [
    pod('web', ''),
    {
      name: 'not checked before v1.34',
      yaml: pod('old', ', host: 169.254.169.254'),
      settings: { pss: { level: 'baseline', version: 'v1.33' } },
    },
  ],
  invalid: [
    {
      yaml: pod('web', ', host: 169.254.169.254'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 54,
          message:
            'probe or lifecycle host (container "web" uses probe or lifecycle host "169.254.169.254") [PodSecurity restricted:latest]',
        },
      ],
    },
  ],
});
