import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-windows-host-process.ts';

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  hostNetwork: true
  securityContext:
    ${podContext}
  containers:
    - name: agent
      image: agent:1
      securityContext:
        ${containerContext}
`;

ruleTester.run(rule, {
  valid: [
    pod('windowsOptions: {runAsUserName: ContainerUser}', 'windowsOptions: {hostProcess: false}'),
    pod('windowsOptions: {hostProcess: true}', 'windowsOptions: {hostProcess: false}'),
    pod('runAsNonRoot: true', 'windowsOptions: {hostProcess: "true"}'),
  ],
  invalid: [
    {
      yaml: pod('runAsNonRoot: true', 'windowsOptions: {hostProcess: true}'),
      errors: [{ messageId: 'hostProcess', line: 14, column: 39, severity: 'critical' }],
    },
    {
      name: 'merged field by field: the container sets only the user name',
      yaml: pod(
        'windowsOptions: {hostProcess: true}',
        'windowsOptions: {runAsUserName: "NT AUTHORITY\\\\SYSTEM"}',
      ),
      errors: [{ messageId: 'podHostProcess', line: 9, column: 35, message: 'containers "agent"' }],
    },
  ],
});
