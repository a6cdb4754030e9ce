import type { Severity } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import { committedSecretData, listKeys } from './internal/committed-secret.ts';
import { shown } from './internal/describe-matches.ts';
import { OWASP_K08, SECRETS_CONCEPT, SECRETS_GOOD_PRACTICES } from './internal/references.ts';

/** Types whose committed value is a credential to the cluster itself. */
const CLUSTER_CREDENTIAL_TYPES: ReadonlySet<string> = new Set([
  'kubernetes.io/service-account-token',
  'bootstrap.kubernetes.io/token',
]);

export default defineRule({
  id: 'secret-committed-data',
  meta: {
    title: 'Secret manifests do not commit secret values',
    description:
      'Reports Secret manifests whose `data` or `stringData` carry real values, naming the keys and never the values. Base64 is an encoding, not encryption: anyone who can read the repository, a CI log or a rendered chart can decode it. Empty values, placeholders, encrypted values (SOPS, Ansible Vault, age, PGP), public certificates and keys, and service-account-token Secrets left for the controller to fill are not reported; SealedSecrets and ExternalSecrets are other kinds and are never reported.',
    severity: 'high',
    category: 'secrets',
    messages: {
      committed: 'Secret of type "{{type}}" commits {{field}} values for {{keys}}.',
      clusterCredential:
        'Secret of type "{{type}}" commits a cluster credential in {{field}} ({{keys}}); anyone who reads the manifest can use it against the API server.',
    },
    references: [SECRETS_GOOD_PRACTICES, SECRETS_CONCEPT, OWASP_K08],
    remediation:
      'Rotate the values, remove them from the manifest and its history, and deliver them with a sealed or external secret (Sealed Secrets, External Secrets Operator, SOPS, a CSI secret store) or create the Secret outside the repository.',
    kinds: ['Secret'],
    peers: {
      trivy: ['dockerconfig-secret'],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_SECRET_6'],
    },
  },
  check(ctx) {
    const type = typeof ctx.object.type === 'string' ? ctx.object.type : 'Opaque';
    const clusterCredential = CLUSTER_CREDENTIAL_TYPES.has(type);
    const severity: Severity = clusterCredential ? 'critical' : 'high';
    for (const { field, keys } of committedSecretData(ctx.object)) {
      ctx.report({
        path: [field],
        messageId: clusterCredential ? 'clusterCredential' : 'committed',
        data: { type: shown(type), field, keys: listKeys(keys) },
        severity,
        evidence: { type, field, keys },
      });
    }
  },
});
