import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-host-aliases.ts';

const pod = (aliases: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostAliases: ${aliases}
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [pod('[]'), pod('null'), pod('"10.0.0.1 db"')],
  invalid: [
    {
      yaml: pod('[{ip: 10.0.0.1, hostnames: [db.internal]}, {ip: 10.0.0.2, hostnames: [cache]}]'),
      errors: [{ messageId: 'aliases', line: 6, column: 3, message: '2 hostAliases' }],
    },
  ],
});
