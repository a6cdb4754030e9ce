import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-default-service-account.ts';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  ${spec}
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [
    pod('serviceAccountName: web'),
    pod('serviceAccount: web'),
    { name: 'no token, no use of the account', yaml: pod('automountServiceAccountToken: false') },
    {
      name: 'the default ServiceAccount of the namespace mounts no token',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: shop
automountServiceAccountToken: false
---
${pod('priorityClassName: normal')}`,
    },
  ],
  invalid: [
    {
      name: 'no account named: points at the pod spec',
      yaml: pod('priorityClassName: normal'),
      errors: [{ messageId: 'implicit', line: 6, column: 1 }],
    },
    {
      yaml: pod('serviceAccountName: default'),
      errors: [{ messageId: 'explicit', line: 7, column: 23 }],
    },
    {
      name: 'an empty name is no name',
      yaml: pod('serviceAccountName: ""'),
      errors: [{ messageId: 'implicit', line: 7, column: 23 }],
    },
  ],
});
