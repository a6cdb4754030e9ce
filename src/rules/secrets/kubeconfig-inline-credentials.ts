import { defineRule } from '../../engine/rule.ts';
import { kubeconfigCredentials } from '../../secrets/index.ts';
import { dataEntries } from './internal/data-entries.ts';
import { shown } from './internal/describe-matches.ts';
import { SECRETS_GOOD_PRACTICES } from './internal/references.ts';

const KUBECONFIG_DOC =
  'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/';
const MAX_LISTED = 4;

export default defineRule({
  id: 'kubeconfig-inline-credentials',
  meta: {
    title: 'Kubeconfigs in ConfigMaps and Secrets carry no inline credentials',
    description:
      'Finds ConfigMap and Secret values that parse as a kubeconfig whose users carry inline credentials: a bearer `token`, `client-key-data`, a basic-auth `password`, auth-provider tokens or client secrets, or secrets passed to an `exec` plugin in its env or args. Such a value is a ready-to-use login to a cluster. In a ConfigMap it is critical (ConfigMaps are not confidential); in a committed Secret it is high.',
    severity: 'critical',
    category: 'secrets',
    messages: {
      inlineCredentials:
        'Key "{{key}}" holds a kubeconfig with inline credentials: {{credentials}}.',
    },
    references: [KUBECONFIG_DOC, SECRETS_GOOD_PRACTICES],
    remediation:
      'Revoke the credential; give workloads a service account (projected token) instead, or use an exec plugin or token file that fetches short-lived credentials at run time.',
    kinds: ['ConfigMap', 'Secret'],
    peers: {
      trivy: ['jwt-token', 'private-key'],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_SECRET_9', 'CKV_SECRET_13'],
    },
  },
  check(ctx) {
    for (const entry of dataEntries(ctx.object)) {
      if (entry.text === undefined) continue;
      const credentials = kubeconfigCredentials(entry.text);
      if (credentials === undefined || credentials.length === 0) continue;
      const listed = credentials
        .slice(0, MAX_LISTED)
        .map((c) => `${c.field} of user "${shown(c.user)}"`);
      const rest = credentials.length - listed.length;
      ctx.report({
        path: entry.path,
        messageId: 'inlineCredentials',
        data: {
          key: shown(entry.key),
          credentials: rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', '),
        },
        severity: ctx.object.kind === 'ConfigMap' ? 'critical' : 'high',
        evidence: { credentials },
      });
    }
  },
});
