import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import {
  accountObject,
  accountOf,
  boundAccounts,
  tokenMounted,
} from './internal/service-accounts.ts';
import type { Rec } from './internal/values.ts';

export default defineRule({
  id: 'pod-service-account-token-automount',
  meta: {
    title: 'Pods that do not use the API do not mount a service-account token',
    description:
      "By default the kubelet mounts an API token of the pod's service account into every container: anyone who gets code execution in any container can call the Kubernetes API as that account. The token is mounted unless the pod, or else its ServiceAccount, sets `automountServiceAccountToken: false`; the rule reads both (the ServiceAccount from the scanned input). Whether a pod calls the API cannot be read from its spec, so the rule takes a RoleBinding or ClusterRoleBinding of the account in the scanned input as the sign that it does, and reports only accounts that nothing in the input grants anything.",
    severity: 'medium',
    category: 'access',
    workloadsOnly: true,
    messages: {
      explicit:
        'Pod sets automountServiceAccountToken: true, so its containers get an API token for service account "{{account}}", which no binding in the scanned input grants anything.',
      accountDefault:
        'Pod mounts an API token for service account "{{account}}": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false, and no binding in the scanned input grants the account anything.',
      unknownAccount:
        'Pod mounts an API token for service account "{{account}}": the pod does not set automountServiceAccountToken: false, the ServiceAccount is not in the scanned input, and no binding in it grants the account anything.',
    },
    remediation:
      'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); pods that call the API keep it, with a dedicated, least-privileged account.',
    references: [REF.serviceAccounts, REF.configureServiceAccount, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV036'],
      kubescape: ['C-0034', 'C-0190'],
      polaris: ['automountServiceAccountToken'],
      kubeScore: [],
      checkov: ['CKV_K8S_38'],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const account = accountOf(ctx.object, pod);
    const accountObj = accountObject(ctx.inventory, account);
    if (!tokenMounted(pod, accountObj)) return;
    if (boundAccounts(ctx.inventory).has(`${account.namespace}/${account.name}`)) return;
    const explicit = (pod.spec as unknown as Rec).automountServiceAccountToken === true;
    const path = [...pod.path, 'automountServiceAccountToken'];
    ctx.report({
      path,
      messageId: explicit
        ? 'explicit'
        : accountObj === undefined
          ? 'unknownAccount'
          : 'accountDefault',
      data: { account: account.name },
      suggest: [setField(ctx.object, path, false)],
    });
  },
});
