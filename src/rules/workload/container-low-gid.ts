import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { REF } from './internal/refs.ts';
import {
  asId,
  isWindowsPod,
  podContextPath,
  podSecurityContext,
  resolve,
} from './internal/security-context.ts';
import { asArray, quoteList } from './internal/values.ts';

const DEFAULT_MIN_GID = 10000;

export default defineRule({
  id: 'container-low-gid',
  meta: {
    title: 'Containers run with a GID above the host range',
    description:
      "GIDs below 10000 are the node's own groups, and GID 0 is root's group, which owns many host files writable by group. The rule reads the effective `runAsGroup` (container, else pod) and reports GID 0 in `fsGroup` and `supplementalGroups`. A container that sets no GID runs with the image's group, which a manifest does not show, and is not reported.",
    severity: 'low',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      low: 'Container "{{name}}" runs with GID {{gid}}, below {{min}}: a group the node may give to its own users.',
      podLow:
        'Pod securityContext sets runAsGroup: {{gid}}, below {{min}}, for containers {{names}}: a group the node may give to its own users.',
      rootGroup: 'Container "{{name}}" runs with the root group (runAsGroup: 0).',
      podRootGroup: 'Pod securityContext gives its processes the root group through {{field}}: 0.',
    },
    remediation:
      'Set `runAsGroup` (pod or container) to a GID of at least 10000, and never 0 in `runAsGroup`, `fsGroup` or `supplementalGroups`.',
    references: [REF.securityContext, REF.pss, REF.nsa],
    peers: {
      trivy: ['KSV021', 'KSV116'],
      kubescape: [],
      polaris: [],
      kubeScore: ['container-security-context-user-group-id'],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { minGid: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { minGid: DEFAULT_MIN_GID },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const min = typeof ctx.options.minGid === 'number' ? ctx.options.minGid : DEFAULT_MIN_GID;
    const inherited: string[] = [];
    let podGid = 0;
    for (const c of containersOf(pod)) {
      const group = resolve(pod, c, 'runAsGroup');
      const gid = asId(group?.value);
      if (group === undefined || gid === undefined || gid < 0 || gid >= min) continue;
      if (group.level === 'pod') {
        inherited.push(c.name);
        podGid = gid;
      } else if (gid === 0) {
        ctx.report({
          path: group.path,
          messageId: 'rootGroup',
          data: { name: c.name },
          severity: 'medium',
        });
      } else {
        ctx.report({ path: group.path, messageId: 'low', data: { name: c.name, gid, min } });
      }
    }
    if (inherited.length > 0) {
      const path = podContextPath(pod, 'runAsGroup');
      if (podGid === 0) {
        ctx.report({
          path,
          messageId: 'podRootGroup',
          data: { field: 'runAsGroup' },
          severity: 'medium',
        });
      } else {
        ctx.report({
          path,
          messageId: 'podLow',
          data: { names: quoteList(inherited), gid: podGid, min },
        });
      }
    }
    const podContext = podSecurityContext(pod);
    if (asId(podContext?.fsGroup) === 0) {
      const path = podContextPath(pod, 'fsGroup');
      ctx.report({
        path,
        messageId: 'podRootGroup',
        data: { field: 'fsGroup' },
        severity: 'medium',
      });
    }
    const supplemental = asArray(podContext?.supplementalGroups);
    for (let i = 0; i < supplemental.length; i++) {
      if (asId(supplemental[i]) !== 0) continue;
      const path = [...podContextPath(pod, 'supplementalGroups'), i];
      ctx.report({
        path,
        messageId: 'podRootGroup',
        data: { field: 'supplementalGroups' },
        severity: 'medium',
      });
    }
  },
});
