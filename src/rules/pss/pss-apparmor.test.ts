import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-apparmor.ts';

const pod = (metadataLines: string, type: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
${metadataLines}    spec:
      containers:
        - name: web
          image: nginx
          securityContext:
            appArmorProfile:
              type: ${type}
`;

const annotation = (value: string) =>
  `      annotations:\n        container.apparmor.security.beta.kubernetes.io/web: ${value}\n`;

ruleTester.run(rule, {
  valid: [pod('', 'RuntimeDefault'), pod(annotation('localhost/nginx'), 'Localhost')],
  invalid: [
    {
      yaml: pod('', 'Unconfined'),
      errors: [
        {
          messageId: 'forbidden',
          line: 16,
          column: 21,
          message:
            'forbidden AppArmor profile (container "web" must not set AppArmor profile type to "Unconfined")',
        },
      ],
    },
    {
      name: 'the deprecated annotation is still checked',
      yaml: pod(annotation('unconfined'), 'RuntimeDefault'),
      errors: [
        {
          messageId: 'forbidden',
          line: 11,
          column: 61,
          message:
            'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/web="unconfined""',
        },
      ],
    },
  ],
});
