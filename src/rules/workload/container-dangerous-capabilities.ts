import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { capabilitiesOf, normalizeCapability } from './internal/capabilities.ts';
import { containersOf } from './internal/containers.ts';
import { removeField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { containerContextPath, isWindowsPod } from './internal/security-context.ts';
import { asArray, stringsOf } from './internal/values.ts';

/** Why each default entry is dangerous, for the message. */
const WHY: Readonly<Record<string, string>> = {
  ALL: 'it grants every capability, as privileged does',
  SYS_ADMIN: 'it is nearly root on the host (mount, namespaces, BPF, many escapes)',
  NET_ADMIN: 'it can reconfigure interfaces, routes and firewall rules of its network namespace',
  NET_RAW: 'it can craft packets (spoofing, ARP and DNS poisoning of neighbours)',
  SYS_PTRACE: 'it can trace and inject code into other processes it can see',
  SYS_MODULE: 'it can load kernel modules, i.e. run code in the host kernel',
  DAC_READ_SEARCH: 'it can read any file by handle, the "shocker" container escape',
  BPF: 'it can load BPF programs into the host kernel',
  PERFMON: 'it can observe the whole host through perf and BPF',
  SYS_RAWIO: 'it can access raw I/O ports and devices',
  SYS_BOOT: 'it can reboot the node or load a new kernel',
  SYS_TIME: 'it can change the node clock, which is not namespaced',
  MAC_ADMIN: 'it can change the mandatory access control policy (AppArmor, SELinux, Smack)',
  MAC_OVERRIDE: 'it can override mandatory access control',
  SYSLOG: 'it can read and clear the kernel log, which leaks kernel addresses',
  SYS_RESOURCE: 'it can override resource limits and quotas',
  LINUX_IMMUTABLE: 'it can change immutable and append-only file flags',
  AUDIT_CONTROL: 'it can change or disable kernel auditing',
  CHECKPOINT_RESTORE: 'it can checkpoint and restore processes, bypassing PID isolation checks',
};

const DEFAULT_CAPABILITIES = Object.keys(WHY).filter((c) => c !== 'ALL');
// The option list is the same array for every object of a scan: normalise it once.
const normalized = new WeakMap<object, ReadonlySet<string>>();

function dangerousSet(option: unknown): ReadonlySet<string> {
  const list = Array.isArray(option) ? option : DEFAULT_CAPABILITIES;
  let set = normalized.get(list);
  if (set === undefined) {
    set = new Set(stringsOf(list).map(normalizeCapability));
    normalized.set(list, set);
  }
  return set;
}

export default defineRule({
  id: 'container-dangerous-capabilities',
  meta: {
    title: 'Containers do not add dangerous capabilities',
    description:
      'Some Linux capabilities undo most of what a container isolates: SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH and BPF open known escapes, NET_RAW and NET_ADMIN let a pod attack its network neighbours. This rule reports each listed capability (and ALL) that any container adds, whatever the container drops.',
    severity: 'high',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      dangerous: 'Container "{{name}}" adds the {{capability}} capability: {{why}}.',
    },
    remediation:
      'Remove the capability from `securityContext.capabilities.add`; if the workload really needs it, isolate it (dedicated nodes, a namespace that enforces Pod Security) and suppress the finding with a reason.',
    references: [REF.securityContext, REF.kernelConstraints, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV005', 'KSV119', 'KSV120', 'KSV022'],
      kubescape: ['C-0046', 'C-0199', 'C-0200'],
      polaris: ['dangerousCapabilities'],
      kubeScore: [],
      checkov: ['CKV_K8S_39', 'CKV_K8S_25'],
    },
    schema: {
      type: 'object',
      properties: { capabilities: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { capabilities: DEFAULT_CAPABILITIES },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined || isWindowsPod(pod)) return;
    const dangerous = dangerousSet(ctx.options.capabilities);
    for (const c of containersOf(pod)) {
      const added = asArray(capabilitiesOf(c)?.add);
      for (let i = 0; i < added.length; i++) {
        const raw = added[i];
        if (typeof raw !== 'string') continue;
        const capability = normalizeCapability(raw);
        if (capability !== 'ALL' && !dangerous.has(capability)) continue;
        const path = containerContextPath(c, 'capabilities', 'add', i);
        ctx.report({
          path,
          messageId: 'dangerous',
          data: { name: c.name, capability, why: WHY[capability] ?? 'it is on the dangerous list' },
          ...(capability === 'ALL' || capability === 'SYS_ADMIN' ? { severity: 'critical' } : {}),
          suggest: [removeField(path)],
        });
      }
    }
  },
});
