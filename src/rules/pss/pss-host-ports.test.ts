import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-host-ports.ts';

const pod = (port: string, specLines = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - ${port}
${specLines}`;

ruleTester.run(rule, {
  valid: [pod('containerPort: 80'), pod('{ containerPort: 80, hostPort: 0 }')],
  invalid: [
    {
      yaml: pod('{ containerPort: 80, hostPort: 8080 }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 42,
          message: 'hostPort (container "web" uses hostPort 8080) [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      name: 'hostNetwork defaults hostPort to containerPort',
      yaml: pod('containerPort: 9100', '  hostNetwork: true\n'),
      errors: [{ messageId: 'forbidden', line: 10, column: 11, message: 'uses hostPort 9100' }],
    },
  ],
});
