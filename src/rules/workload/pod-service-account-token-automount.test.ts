import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-service-account-token-automount.ts';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      ${spec}
      containers:
        - name: app
          image: nginx:1.27
`;

const serviceAccount = (automount: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
${automount}
---
`;

ruleTester.run(rule, {
  valid: [
    deployment('automountServiceAccountToken: false'),
    {
      name: 'the ServiceAccount opts out and the pod does not opt back in',
      yaml:
        serviceAccount('automountServiceAccountToken: false') +
        deployment('serviceAccountName: web'),
    },
    {
      name: 'an account with RBAC bindings is one the pod uses',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
---
${deployment('serviceAccountName: web')}`,
    },
    {
      name: 'a ClusterRoleBinding subject of the default account',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: shop-default
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: ServiceAccount, name: default, namespace: shop}
---
${deployment('priorityClassName: normal')}`,
    },
  ],
  invalid: [
    {
      name: 'nothing says false; the account is not in the input',
      yaml: deployment('serviceAccountName: web'),
      errors: [
        { messageId: 'unknownAccount', line: 8, column: 5, message: 'service account "web"' },
      ],
    },
    {
      name: 'the ServiceAccount leaves the default',
      yaml: serviceAccount('') + deployment('serviceAccountName: web'),
      errors: [{ messageId: 'accountDefault', line: 15, column: 5 }],
    },
    {
      name: 'the pod opts back in over the ServiceAccount',
      yaml:
        serviceAccount('automountServiceAccountToken: false') +
        deployment('automountServiceAccountToken: true\n      serviceAccountName: web'),
      errors: [{ messageId: 'explicit', line: 16, column: 37 }],
    },
    {
      name: 'a binding in another namespace does not count',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: other
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
  - kind: ServiceAccount
    name: web
---
${deployment('serviceAccountName: web')}`,
      errors: [{ messageId: 'unknownAccount', line: 18, column: 5 }],
    },
  ],
});

describe('pod-service-account-token-automount suggestion', () => {
  it('adds automountServiceAccountToken: false to the pod spec', () => {
    const [finding] = runRule(rule, { yaml: deployment('serviceAccountName: web') });
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggest).toEqual([
      {
        op: 'add',
        path: ['spec', 'template', 'spec', 'automountServiceAccountToken'],
        value: false,
      },
    ]);
  });
});
