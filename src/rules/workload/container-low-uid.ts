import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import { asId, isWindowsPod, podContextPath, resolve } from './internal/security-context.ts';
import { quoteList } from './internal/values.ts';

const DEFAULT_MIN_UID = 10000;

export default defineRule({
  id: 'container-low-uid',
  meta: {
    title: 'Containers run with a UID above the host range',
    description:
      "UIDs below 10000 are those of the node's own users and system daemons. A container process that escapes with such a UID acts as that host user (its files, its processes); a high UID owns nothing on the node. The rule reads the effective `runAsUser` (container, else pod). UID 0 is left to `container-run-as-non-root`, and a container that sets no UID is not reported: its UID comes from the image, which a manifest does not show.",
    severity: 'low',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      low: 'Container "{{name}}" runs as UID {{uid}}, below {{min}}: a UID the node may give to one of its own users.',
      podLow:
        'Pod securityContext sets runAsUser: {{uid}}, below {{min}}, for containers {{names}}: a UID the node may give to one of its own users.',
    },
    remediation:
      'Set `runAsUser` (pod or container) to a UID of at least 10000, such as 10001 or 65532.',
    references: [REF.securityContext, REF.nsa],
    peers: {
      trivy: ['KSV020'],
      kubescape: [],
      polaris: [],
      kubeScore: ['container-security-context-user-group-id'],
      checkov: ['CKV_K8S_40'],
    },
    schema: {
      type: 'object',
      properties: { minUid: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { minUid: DEFAULT_MIN_UID },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const min = typeof ctx.options.minUid === 'number' ? ctx.options.minUid : DEFAULT_MIN_UID;
    const inherited: string[] = [];
    let podUid = 0;
    for (const c of containersOf(pod)) {
      const user = resolve(pod, c, 'runAsUser');
      const uid = asId(user?.value);
      if (user === undefined || uid === undefined || uid <= 0 || uid >= min) continue;
      if (user.level === 'pod') {
        inherited.push(c.name);
        podUid = uid;
      } else {
        ctx.report({ path: user.path, messageId: 'low', data: { name: c.name, uid, min } });
      }
    }
    if (inherited.length > 0) {
      ctx.report({
        path: podContextPath(pod, 'runAsUser'),
        messageId: 'podLow',
        data: { names: quoteList(inherited), uid: podUid, min },
      });
    }
  },
});
