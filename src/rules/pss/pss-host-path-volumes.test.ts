import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-host-path-volumes.ts';

const baseline = { pss: { level: 'baseline' as const, version: 'latest' } };

const pod = (name: string, volume: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: web
      image: nginx
  volumes:
    - name: data
      ${volume}
`;

ruleTester.run(rule, {
  valid: [
    { yaml: pod('web', 'emptyDir: {}'), settings: baseline },
    {
      name: 'restricted replaces this check with restrictedVolumes',
      yaml: pod('other', 'hostPath: { path: /var/run }'),
    },
  ],
  invalid: [
    {
      yaml: pod('web', 'hostPath: { path: /var/run/docker.sock }'),
      settings: baseline,
      errors: [
        {
          messageId: 'forbidden',
          line: 11,
          column: 7,
          message: 'hostPath volumes (volume "data") [PodSecurity baseline:latest]',
        },
      ],
    },
  ],
});
