import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './container-dangerous-capabilities.ts';

const pod = (capabilities: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          ${capabilities}
`;

ruleTester.run(rule, {
  valid: [
    pod('add: [NET_BIND_SERVICE]'),
    pod('drop: [ALL]'),
    pod('add: [42, null]'),
    {
      name: 'option narrows the list',
      yaml: pod('add: [NET_ADMIN]'),
      options: { capabilities: ['SYS_ADMIN'] },
    },
    {
      name: 'Windows pods',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
    - name: app
      image: app:1
      securityContext:
        capabilities: {add: [SYS_ADMIN]}
`,
    },
  ],
  invalid: [
    {
      yaml: pod('add: [SYS_ADMIN, NET_BIND_SERVICE, NET_RAW]'),
      errors: [
        {
          messageId: 'dangerous',
          line: 11,
          column: 17,
          message: 'SYS_ADMIN',
          severity: 'critical',
        },
        { messageId: 'dangerous', line: 11, column: 46, message: 'NET_RAW', severity: 'high' },
      ],
    },
    {
      name: 'CAP_ prefix and lower case name the same capability; ALL is always dangerous',
      yaml: pod('add: ["cap_sys_ptrace", "ALL"]'),
      errors: [
        { messageId: 'dangerous', line: 11, column: 17, message: 'SYS_PTRACE' },
        { messageId: 'dangerous', line: 11, column: 35, message: 'ALL', severity: 'critical' },
      ],
    },
    {
      name: 'dropping ALL does not undo an add',
      yaml: pod('{drop: [ALL], add: [BPF]}'),
      errors: [{ messageId: 'dangerous', line: 11, column: 31, message: 'BPF' }],
    },
    {
      name: 'option extends the list',
      yaml: pod('add: [CHOWN]'),
      options: { capabilities: ['CHOWN'] },
      errors: [
        { messageId: 'dangerous', line: 11, column: 17, message: 'it is on the dangerous list' },
      ],
    },
    {
      name: 'ephemeral container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext:
        capabilities: {add: [SYS_PTRACE]}
`,
      errors: [{ messageId: 'dangerous', line: 13, column: 30, message: '"debug"' }],
    },
  ],
});
