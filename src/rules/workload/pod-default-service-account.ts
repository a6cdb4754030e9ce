import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { REF } from './internal/refs.ts';
import { accountObject, accountOf, tokenMounted } from './internal/service-accounts.ts';

export default defineRule({
  id: 'pod-default-service-account',
  meta: {
    title: 'Pods that mount an API token run as their own service account',
    description:
      'Every pod that names no service account runs as its namespace\'s `default` account, so any permission granted to `default` (often by a chart that needed "just one" role) reaches all of them, and audit logs cannot tell them apart. Pods that do not mount a token (the pod or the default ServiceAccount sets `automountServiceAccountToken: false`) cannot use the account and are not reported.',
    severity: 'low',
    category: 'access',
    workloadsOnly: true,
    messages: {
      implicit:
        'Pod names no service account, so it runs as the namespace\'s shared "default" account, with an API token mounted.',
      explicit:
        'Pod runs as the namespace\'s shared "default" service account, with an API token mounted.',
    },
    remediation:
      'Create a ServiceAccount for the workload, set `serviceAccountName`, and grant it only what it needs (or set `automountServiceAccountToken: false` if it needs nothing).',
    references: [REF.serviceAccounts, REF.configureServiceAccount, REF.cis],
    peers: {
      trivy: [],
      kubescape: ['C-0189'],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_K8S_41'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const account = accountOf(ctx.object, pod);
    if (account.name !== 'default') return;
    if (!tokenMounted(pod, accountObject(ctx.inventory, account))) return;
    ctx.report({ path: account.path, messageId: account.explicit ? 'explicit' : 'implicit' });
  },
});
