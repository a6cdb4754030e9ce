import { posix } from 'node:path';
import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { hostPathVolumes, isWithin, normalizeHostPath } from './internal/host-paths.ts';
import { REF } from './internal/refs.ts';
import { stringsOf } from './internal/values.ts';

/** What each default sensitive path exposes, for the message. */
const EXPOSES: Readonly<Record<string, string>> = {
  '/boot': "the node's kernel and boot loader",
  '/dev': "the node's devices, disks included",
  '/etc': "the node's configuration and credentials",
  '/home': "users' home directories and SSH keys",
  '/proc': "the host's processes and kernel interfaces",
  '/root': "root's home directory and SSH keys",
  '/sys': 'kernel, cgroup and device settings',
  '/run': 'runtime sockets and node state',
  '/var/run': 'runtime sockets and node state',
  '/var/lib/kubelet': 'kubelet credentials and the volumes and secrets of every pod on the node',
  '/var/lib/docker': 'the filesystems of every container on the node',
  '/var/lib/containerd': 'the filesystems of every container on the node',
  '/var/lib/etcd': 'the cluster datastore, every Secret included',
  '/var/log': 'the logs of every pod (and, through symlinks, any host file)',
};
const DEFAULT_PATHS = Object.keys(EXPOSES);
// kube-proxy, CNI plugins and others share this lock file with the node's iptables.
const DEFAULT_ALLOWED = ['/run/xtables.lock', '/var/run/xtables.lock'];

const SOCKET_NAMES = new Set([
  'docker.sock',
  'containerd.sock',
  'crio.sock',
  'cri-dockerd.sock',
  'podman.sock',
  'dockershim.sock',
]);
const SOCKET_PATHS = [
  '/run/docker.sock',
  '/var/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/crio/crio.sock',
  '/var/run/crio/crio.sock',
  '/run/cri-dockerd.sock',
  '/var/run/cri-dockerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/run/podman/podman.sock',
];

/** The host path is a runtime socket, or a directory that contains one. */
function exposesSocket(path: string): boolean {
  return (
    SOCKET_NAMES.has(posix.basename(path)) || SOCKET_PATHS.some((socket) => isWithin(socket, path))
  );
}

/** The sensitive entry the path equals, lies inside, or contains, and which of the three. */
function sensitiveMatch(
  path: string,
  entries: readonly string[],
): { entry: string; messageId: 'sensitive' | 'inside' | 'contains' } | undefined {
  for (const entry of entries) {
    if (path === entry) return { entry, messageId: 'sensitive' };
    if (entry !== '/' && isWithin(path, entry)) return { entry, messageId: 'inside' };
    if (isWithin(entry, path)) return { entry, messageId: 'contains' };
  }
  return undefined;
}

export default defineRule({
  id: 'host-path-sensitive',
  meta: {
    title: 'Pods do not mount sensitive host paths',
    description:
      "Some host paths hand the node to whoever can use them: the container runtime socket (docker.sock, containerd.sock, crio.sock) starts privileged containers at will, and /, /etc, /proc, /sys, /dev, /var/lib/kubelet, /var/log, /root and /home expose credentials, kernel interfaces or other pods' data. A hostPath is reported when it is, lies under, or contains a listed path (mounting /var exposes /var/log). Runtime sockets and the root filesystem are critical, the other paths high.",
    severity: 'high',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      socket:
        'Pod mounts the container runtime socket through {{path}} (volume "{{volume}}"): whoever reaches it controls every container on the node, and the node.',
      root: 'Pod mounts the node\'s root filesystem (volume "{{volume}}"): every file of the node is in reach.',
      sensitive:
        'Pod mounts the host path {{path}} (volume "{{volume}}"), which holds {{exposes}}.',
      inside:
        'Pod mounts the host path {{path}} (volume "{{volume}}"), inside {{sensitive}}, which holds {{exposes}}.',
      contains:
        'Pod mounts the host path {{path}} (volume "{{volume}}"), which contains {{sensitive}}, holding {{exposes}}.',
    },
    remediation:
      'Remove the hostPath volume; use a ConfigMap, Secret, PersistentVolumeClaim or CSI driver, or for node agents a narrower path mounted read-only.',
    references: [REF.hostPath, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV006', 'KSV121'],
      kubescape: ['C-0074', 'C-0048'],
      polaris: ['hostPathSet'],
      kubeScore: [],
      checkov: ['CKV_K8S_27'],
    },
    schema: {
      type: 'object',
      properties: {
        paths: { type: 'array', items: { type: 'string' } },
        allowedPaths: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
    defaultOptions: { paths: DEFAULT_PATHS, allowedPaths: DEFAULT_ALLOWED },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const volumes = hostPathVolumes(pod);
    if (volumes.length === 0) return;
    const entries = stringsOf(ctx.options.paths).map(normalizeHostPath);
    const allowed = stringsOf(ctx.options.allowedPaths).map(normalizeHostPath);
    for (const volume of volumes) {
      if (allowed.some((base) => isWithin(volume.path, base))) continue;
      const data = { path: volume.raw, volume: volume.name ?? '' };
      if (volume.path === '/') {
        ctx.report({ path: volume.fieldPath, messageId: 'root', data, severity: 'critical' });
      } else if (exposesSocket(volume.path)) {
        ctx.report({ path: volume.fieldPath, messageId: 'socket', data, severity: 'critical' });
      } else {
        const match = sensitiveMatch(volume.path, entries);
        if (match === undefined) continue;
        const exposes = EXPOSES[match.entry] ?? 'data listed as sensitive';
        ctx.report({
          path: volume.fieldPath,
          messageId: match.messageId,
          data: { ...data, sensitive: match.entry, exposes },
        });
      }
    }
  },
});
