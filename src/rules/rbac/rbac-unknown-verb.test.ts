import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { clusterRoleYaml, roleYaml, rule } from './internal/fixtures.ts';
import rbacUnknownVerb from './rbac-unknown-verb.ts';

ruleTester.run(rbacUnknownVerb, {
  valid: [
    clusterRoleYaml(
      'all',
      rule('get,list,watch,create,update,patch,delete,deletecollection', '', 'pods'),
    ),
    clusterRoleYaml('special', rule('bind,escalate', 'rbac.authorization.k8s.io', 'clusterroles')),
    clusterRoleYaml('signer', rule('approve,sign,attest', 'certificates.k8s.io', 'signers')),
    clusterRoleYaml(
      'imp',
      rule('impersonate:user-info,impersonate-on:user-info:list', '', 'users'),
    ),
    clusterRoleYaml(
      'urls',
      '  - nonResourceURLs: ["/metrics"]\n    verbs: ["get", "head", "post"]',
    ),
  ],
  invalid: [
    {
      yaml: roleYaml('team', 'r', rule('Get,read', '', 'pods')),
      errors: [
        { messageId: 'unknown', message: 'did you mean "get"' },
        { messageId: 'unknown', message: 'Verb "read"' },
      ],
    },
  ],
});
