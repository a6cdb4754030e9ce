import { defineRule } from '../../engine/rule.ts';
import { podSpecOf } from '../../model/pod-spec.ts';
import { scanValue } from '../../secrets/index.ts';
import { containersOf, listEntries } from './internal/containers.ts';
import {
  describeMatches,
  matchEvidence,
  shown,
  worstSeverity,
} from './internal/describe-matches.ts';
import { OWASP_K08, SECRETS_GOOD_PRACTICES } from './internal/references.ts';
import {
  resolveScanOptions,
  SCAN_DEFAULT_OPTIONS,
  SCAN_OPTIONS_SCHEMA,
} from './internal/scan-options.ts';

export default defineRule({
  id: 'env-literal-secret',
  meta: {
    title: 'Environment variables do not hold literal secrets',
    description:
      'Finds secrets written as literal `env[].value`s of init, regular and ephemeral containers: known token formats (AWS, GitHub, GitLab, Slack, Stripe, Google, npm, SendGrid, Twilio, private keys, JWTs, passwords in URLs and connection strings), any literal under a password-like name, and high-entropy values under secret-like names. A literal in the pod spec is readable by everyone who can read the workload, is stored in Git and in the Deployment history, and cannot be rotated without a redeploy.',
    severity: 'high',
    category: 'secrets',
    messages: {
      literalSecret:
        'Environment variable "{{env}}" of container "{{container}}" holds {{what}} as a literal value.',
    },
    references: [SECRETS_GOOD_PRACTICES, OWASP_K08],
    remediation:
      'Rotate the credential, store it in a Secret created outside the repository (or an external secret store), and mount it as a file or reference it with valueFrom.secretKeyRef.',
    workloadsOnly: true,
    peers: {
      trivy: ['aws-access-key-id', 'github-pat', 'gitlab-pat', 'slack-access-token', 'jwt-token'],
      kubescape: ['C-0012'],
      polaris: ['sensitiveContainerEnvVar'],
      kubeScore: [],
      checkov: ['CKV_SECRET_2', 'CKV_SECRET_6', 'CKV_SECRET_9', 'CKV_SECRET_13', 'CKV_SECRET_14'],
    },
    schema: SCAN_OPTIONS_SCHEMA,
    defaultOptions: SCAN_DEFAULT_OPTIONS,
  },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (pod === undefined) return;
    const options = resolveScanOptions(ctx.options, true);
    for (const { container, name, path } of containersOf(pod)) {
      for (const { entry, index } of listEntries(container, 'env')) {
        if (typeof entry.name !== 'string' || typeof entry.value !== 'string') continue;
        if (options.ignoreNames.has(entry.name.toLowerCase())) continue;
        const matches = scanValue(entry.value, entry.name, options);
        if (matches.length === 0) continue;
        ctx.report({
          path: [...path, 'env', index, 'value'],
          messageId: 'literalSecret',
          data: {
            env: shown(entry.name),
            container: shown(name),
            what: describeMatches(matches, entry.value.includes('\n')),
          },
          severity: worstSeverity(matches, 'high'),
          evidence: matchEvidence(matches),
        });
      }
    }
  },
});
