import { defineRule } from '../../engine/rule.ts';
import { isRecord } from '../../model/kube-object.ts';
import { podSpecOf } from '../../model/pod-spec.ts';
import { containersOf, listEntries } from './internal/containers.ts';
import { shown } from './internal/describe-matches.ts';
import { SECRETS_GOOD_PRACTICES } from './internal/references.ts';

const SECRETS_AS_FILES =
  'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod';

function nameOf(ref: Record<string, unknown>): string {
  return typeof ref.name === 'string' ? shown(ref.name) : '(unnamed)';
}

export default defineRule({
  id: 'secret-env-exposure',
  meta: {
    title: 'Secrets are mounted as files, not exposed as environment variables',
    description:
      'Reports Secrets handed to containers as environment variables, through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`. Environment variables are inherited by every child process, printed by crash reporters and debug endpoints, visible in `/proc/<pid>/environ` to anything sharing the PID namespace, and never updated when the Secret rotates; files in a Secret volume are not. CIS Kubernetes Benchmark 5.4.1.',
    severity: 'low',
    category: 'secrets',
    messages: {
      secretKeyRef:
        'Container "{{container}}" exposes key "{{key}}" of Secret "{{secret}}" as environment variable "{{env}}".',
      secretRef:
        'Container "{{container}}" exposes every key of Secret "{{secret}}" as environment variables (envFrom).',
    },
    references: [SECRETS_GOOD_PRACTICES, SECRETS_AS_FILES],
    remediation:
      'Mount the Secret as a volume (readOnly) and have the application read the file, or point it at the file with a `*_FILE` variable.',
    workloadsOnly: true,
    peers: {
      trivy: [],
      kubescape: ['C-0207'],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_K8S_35'],
    },
  },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (pod === undefined) return;
    for (const { container, name, path } of containersOf(pod)) {
      for (const { entry, index } of listEntries(container, 'env')) {
        const from = entry.valueFrom;
        const ref = isRecord(from) ? from.secretKeyRef : undefined;
        if (!isRecord(ref)) continue;
        ctx.report({
          path: [...path, 'env', index, 'valueFrom', 'secretKeyRef'],
          messageId: 'secretKeyRef',
          data: {
            container: shown(name),
            key: typeof ref.key === 'string' ? shown(ref.key) : '(unnamed)',
            secret: nameOf(ref),
            env: typeof entry.name === 'string' ? shown(entry.name) : '(unnamed)',
          },
        });
      }
      for (const { entry, index } of listEntries(container, 'envFrom')) {
        const ref = entry.secretRef;
        if (!isRecord(ref)) continue;
        ctx.report({
          path: [...path, 'envFrom', index, 'secretRef'],
          messageId: 'secretRef',
          data: { container: shown(name), secret: nameOf(ref) },
        });
      }
    }
  },
});
