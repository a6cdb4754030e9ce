import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './secret-env-exposure.ts';

const cronJob = (container: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: backup:1.0
${container}
`;

ruleTester.run(rule, {
  valid: [
    cronJob('              env:\n                - name: LOG_LEVEL\n                  value: info'),
    cronJob(
      '              envFrom:\n                - configMapRef:\n                    name: settings',
    ),
    cronJob(
      '              env:\n                - name: POD_NAME\n                  valueFrom:\n                    fieldRef: { fieldPath: metadata.name }\n              volumeMounts:\n                - { name: creds, mountPath: /etc/creds, readOnly: true }',
    ),
  ],
  invalid: [
    {
      yaml: cronJob(
        '              env:\n                - name: DB_PASSWORD\n                  valueFrom:\n                    secretKeyRef:\n                      name: db\n                      key: password',
      ),
      errors: [
        {
          messageId: 'secretKeyRef',
          line: 18,
          column: 21,
          severity: 'low',
          message:
            'Container "backup" exposes key "password" of Secret "db" as environment variable "DB_PASSWORD".',
        },
      ],
    },
    {
      yaml: cronJob(
        '              envFrom:\n                - secretRef:\n                    name: all-creds\n                - configMapRef:\n                    name: settings',
      ),
      errors: [
        {
          messageId: 'secretRef',
          line: 16,
          column: 19,
          message:
            'Container "backup" exposes every key of Secret "all-creds" as environment variables (envFrom).',
        },
      ],
    },
    {
      name: 'init containers too',
      yaml: cronJob('              image: backup:1.0').replace(
        '          containers:',
        '          initContainers:\n            - name: fetch\n              image: fetch:1\n              envFrom:\n                - secretRef: { name: token }\n          containers:',
      ),
      errors: [{ messageId: 'secretRef', message: 'Container "fetch"' }],
    },
  ],
});
