import { defineRule } from '../../engine/rule.ts';
import { formatPath } from '../../engine/fingerprint.ts';
import { annotationsOf, isRecord } from '../../model/kube-object.ts';
import { collectStrings, LIMITS, scanValue } from '../../secrets/index.ts';
import type { SecretMatch } from '../../secrets/index.ts';
import { committedSecretData, listKeys } from './internal/committed-secret.ts';
import { describeMatches, matchEvidence, worstSeverity } from './internal/describe-matches.ts';
import { SECRETS_GOOD_PRACTICES } from './internal/references.ts';
import { resolveScanOptions } from './internal/scan-options.ts';

const ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_REPORTED_FIELDS = 50;

function parse(text: string): unknown {
  if (text.length > LIMITS.maxValueLength) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: 'last-applied-secret-data',
  meta: {
    title: 'The last-applied-configuration annotation carries no secrets',
    description:
      '`kubectl apply` stores the whole applied manifest in the `kubectl.kubernetes.io/last-applied-configuration` annotation. Applied to a Secret, that copies its data in clear JSON into metadata, where it survives rotation of the real data and is shown by tools that hide Secret data; applied to any other object, it copies whatever literal secrets the manifest held. The rule parses the annotation (JSON, bounded) and reports Secret data in it and secret-looking values (known token formats, password literals, high-entropy values under secret-like names).',
    severity: 'high',
    category: 'secrets',
    messages: {
      secretData:
        'The last-applied-configuration annotation holds a copy of Secret {{field}} for {{keys}}.',
      secretValue: 'The last-applied-configuration annotation holds {{what}} at {{fields}}.',
    },
    references: [
      SECRETS_GOOD_PRACTICES,
      'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/',
    ],
    remediation:
      'Rotate the exposed values; apply Secrets with `kubectl apply --server-side` (which stores no annotation) or create them with `kubectl create secret`, and remove the annotation from existing objects.',
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const raw = annotationsOf(ctx.object)[ANNOTATION];
    if (typeof raw !== 'string') return;
    const applied = parse(raw);
    if (!isRecord(applied)) return;
    const path = ['metadata', 'annotations', ANNOTATION];
    if (applied.kind === 'Secret') {
      for (const { field, keys } of committedSecretData(applied)) {
        ctx.report({
          path,
          messageId: 'secretData',
          data: { field, keys: listKeys(keys) },
          discriminator: field,
          evidence: { field, keys },
        });
      }
      return;
    }
    const options = resolveScanOptions({}, true);
    const matches: SecretMatch[] = [];
    const fields: string[] = [];
    for (const leaf of collectStrings(applied)) {
      const found = scanValue(leaf.value, leaf.name, options);
      if (found.length === 0) continue;
      matches.push(...found);
      if (fields.length < MAX_REPORTED_FIELDS) fields.push(formatPath(leaf.path));
    }
    if (matches.length === 0) return;
    ctx.report({
      path,
      messageId: 'secretValue',
      data: { what: describeMatches(matches, false), fields: fields.slice(0, 3).join(', ') },
      severity: worstSeverity(matches, 'high'),
      evidence: { ...matchEvidence(matches), fields },
    });
  },
});
