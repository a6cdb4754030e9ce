import { defineRule } from '../../engine/rule.ts';
import { dockerConfigCredentials } from '../../secrets/index.ts';
import { dataEntries } from './internal/data-entries.ts';
import { shown } from './internal/describe-matches.ts';
import { SECRETS_GOOD_PRACTICES } from './internal/references.ts';

const PULL_SECRETS_DOC =
  'https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/';
const MAX_LISTED = 5;

export default defineRule({
  id: 'dockerconfig-inline-credentials',
  meta: {
    title: 'Docker configs in manifests carry no inline registry credentials',
    description:
      'Finds `.dockerconfigjson` and `.dockercfg` values (in Secrets, decoded from base64, and in ConfigMaps) with inline registry credentials: an `auth` whose decoded `user:password` has a real password, or a `password`, `identitytoken` or `registrytoken`. Registry credentials often allow pushing images, which is a supply-chain compromise. In a ConfigMap the finding is high; in a committed image-pull Secret it is medium (the committed Secret itself is also reported by secret-committed-data). Registry names are reported, credentials never.',
    severity: 'high',
    category: 'secrets',
    messages: {
      inlineCredentials: 'Key "{{key}}" holds registry credentials for {{registries}}.',
    },
    references: [PULL_SECRETS_DOC, SECRETS_GOOD_PRACTICES],
    remediation:
      'Revoke the registry token; create the image-pull Secret outside the repository, prefer read-only pull tokens, or use the node or workload identity of your cloud (ECR, GCR/Artifact Registry, ACR credential providers).',
    kinds: ['ConfigMap', 'Secret'],
    peers: {
      trivy: ['dockerconfig-secret'],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_SECRET_4', 'CKV_SECRET_6'],
    },
  },
  check(ctx) {
    for (const entry of dataEntries(ctx.object)) {
      if (entry.text === undefined) continue;
      const credentials = dockerConfigCredentials(entry.text, entry.key === '.dockercfg');
      if (credentials === undefined || credentials.length === 0) continue;
      const registries = [...new Set(credentials.map((c) => `"${shown(c.registry)}"`))];
      const listed = registries.slice(0, MAX_LISTED);
      const rest = registries.length - listed.length;
      ctx.report({
        path: entry.path,
        messageId: 'inlineCredentials',
        data: {
          key: shown(entry.key),
          registries: rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', '),
        },
        severity: ctx.object.kind === 'ConfigMap' ? 'high' : 'medium',
        evidence: { credentials },
      });
    }
  },
});
