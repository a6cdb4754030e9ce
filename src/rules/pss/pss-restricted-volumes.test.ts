import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-restricted-volumes.ts';

const pod = (name: string, source: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: web
      image: nginx
  volumes:
    - name: config
      configMap: { name: web }
    - name: data
      ${source}
`;

ruleTester.run(rule, {
  valid: [
    pod('web', 'persistentVolumeClaim: { claimName: data }'),
    pod('image', 'image: { reference: registry.example/data:1 }'),
    {
      name: 'baseline only forbids hostPath',
      yaml: pod('base', 'nfs: { server: nfs.example, path: /exports }'),
      settings: { pss: { level: 'baseline', version: 'latest' } },
    },
  ],
  invalid: [
    {
      yaml: pod('web', 'nfs: { server: nfs.example, path: /exports }'),
      errors: [
        {
          messageId: 'forbidden',
          line: 13,
          column: 7,
          message:
            'restricted volume types (volume "data" uses restricted volume type "nfs") [PodSecurity restricted:latest]',
        },
      ],
    },
    {
      yaml: pod('host', 'hostPath: { path: /etc }'),
      errors: [{ messageId: 'forbidden', line: 13, column: 7, message: '"hostPath"' }],
    },
  ],
});
