import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { containersOf } from './internal/containers.ts';
import { hostPathVolumes } from './internal/host-paths.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { asArray, asRecord } from './internal/values.ts';

export default defineRule({
  id: 'host-path-writable',
  meta: {
    title: 'Host paths are mounted read-only',
    description:
      "A hostPath mounted read-write lets the container change node files: plant binaries or cron jobs, edit configuration, or fill the node's disk. Each container mount of a hostPath volume without `readOnly: true` is reported, wherever the path points.",
    severity: 'medium',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      writable:
        'Container "{{name}}" mounts the host path {{path}} read-write at {{mountPath}}: it can change files on the node.',
    },
    remediation:
      'Set `readOnly: true` on the volumeMount; if the container must write, give it an emptyDir or a PersistentVolumeClaim instead.',
    references: [REF.hostPath, REF.pss, REF.nsa],
    peers: {
      trivy: [],
      kubescape: ['C-0045'],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const volumes = hostPathVolumes(pod);
    if (volumes.length === 0) return;
    for (const c of containersOf(pod)) {
      const mounts = asArray(c.value.volumeMounts);
      for (let i = 0; i < mounts.length; i++) {
        const mount = asRecord(mounts[i]);
        if (mount === undefined || mount.readOnly === true) continue;
        const volume = volumes.find((v) => v.name !== undefined && v.name === mount.name);
        if (volume === undefined) continue;
        const path = [...c.path, 'volumeMounts', i, 'readOnly'];
        const mountPath = typeof mount.mountPath === 'string' ? mount.mountPath : '';
        ctx.report({
          path,
          messageId: 'writable',
          data: { name: c.name, path: volume.raw, mountPath },
          suggest: [setField(ctx.object, path, true)],
        });
      }
    }
  },
});
