import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.ts';
import rule from './pod-host-ipc.ts';

const pod = (value: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostIPC: ${value}
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester.run(rule, {
  valid: [
    pod('false'),
    pod('"true"'),
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  ],
  invalid: [
    { yaml: pod('true'), errors: [{ messageId: 'enabled', line: 6, column: 12 }] },
    {
      name: 'YAML 1.1 boolean, in a CronJob template',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          hostIPC: on
          containers:
            - name: report
              image: report:1
`,
      errors: [{ messageId: 'enabled', line: 12, column: 20 }],
    },
  ],
});

describe('pod-host-ipc suggestion', () => {
  it('suggests false, never as a safe fix', () => {
    const [finding] = runRule(rule, { yaml: pod('true') });
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggest).toEqual([{ op: 'replace', path: ['spec', 'hostIPC'], value: false }]);
  });
});
