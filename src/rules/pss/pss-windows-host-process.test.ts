import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './pss-windows-host-process.ts';

const pod = (hostProcess: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  os: { name: windows }
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: ${hostProcess}
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: agent
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`;

ruleTester.run(rule, {
  valid: [pod('false')],
  invalid: [
    {
      yaml: pod('true'),
      errors: [
        {
          messageId: 'forbidden',
          line: 10,
          column: 20,
          message:
            'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true) [PodSecurity restricted:latest]',
        },
      ],
    },
  ],
});
