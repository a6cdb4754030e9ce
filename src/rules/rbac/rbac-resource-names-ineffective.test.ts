import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { clusterRoleYaml, roleYaml, rule } from './internal/fixtures.ts';
import rbacResourceNamesIneffective from './rbac-resource-names-ineffective.ts';

ruleTester.run(rbacResourceNamesIneffective, {
  valid: [
    roleYaml('team', 'cm', rule('get,update,patch,delete', '', 'configmaps', 'settings')),
    {
      name: 'create on a subresource carries a name',
      yaml: roleYaml('team', 'exec', rule('create', '', 'pods/exec', 'debug-pod')),
    },
    roleYaml('team', 'cm', rule('create,list', '', 'configmaps')),
  ],
  invalid: [
    {
      yaml: roleYaml(
        'team',
        'leases',
        rule('create,get,update', 'coordination.k8s.io', 'leases', 'my-lock'),
      ),
      errors: [{ messageId: 'never', severity: 'low', message: 'restricts create on leases' }],
    },
    {
      yaml: clusterRoleYaml('watcher', rule('list,watch,deletecollection', '', 'secrets', 'a,b')),
      errors: [
        { messageId: 'never', message: 'deletecollection' },
        { messageId: 'selector', severity: 'info', message: 'list, watch' },
      ],
    },
  ],
});
