import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../../../engine/scan.ts';
import { defaultSettings } from '../../../engine/settings.ts';
import type { Finding } from '../../../engine/finding.ts';
import { fixText } from '../../../fix/index.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../../../input/index.ts';
import { workloadRules } from '../index.ts';

// Every suggested edit of the workload rules, applied with --unsafe, must make its finding go
// away on a re-scan and leave a file that still parses.
const INSECURE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      hostNetwork: false
      hostPID: true
      hostIPC: true
      shareProcessNamespace: true
      hostAliases:
        - {ip: 10.0.0.1, hostnames: [db]}
      automountServiceAccountToken: true
      securityContext:
        runAsNonRoot: false
        seccompProfile: {type: Unconfined}
        seLinuxOptions: {type: spc_t, user: system_u}
      initContainers:
        - name: setup
          image: busybox:1.36
          securityContext:
      containers:
        - name: app
          image: nginx:1.27 # a comment that must survive
          ports:
            - {containerPort: 80, hostPort: 80}
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
            readOnlyRootFilesystem: false
            procMount: Unmasked
            capabilities:
              add: [SYS_ADMIN, NET_BIND_SERVICE, NET_RAW]
              drop: [NET_RAW]
            appArmorProfile: {type: Unconfined}
          volumeMounts:
            - {name: logs, mountPath: /logs}
        - name: sidecar
          image: envoy:1.31
      volumes:
        - name: logs
          hostPath: {path: /var/log/web}
`;

function scan(text: string): readonly Finding[] {
  const loaded = loadTexts([{ path: 'web.yaml', text }], DEFAULT_LOAD_OPTIONS);
  expect(loaded.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return scanLoaded(loaded, { rules: workloadRules, settings: defaultSettings() }).findings;
}

describe('workload rule suggestions', () => {
  it('remove their findings when applied, and keep comments', () => {
    const before = scan(INSECURE);
    const fixable = before.filter((f) => (f.suggest ?? f.fix) !== undefined);
    expect(new Set(fixable.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(15);
    const result = fixText(INSECURE, before, { unsafe: true, path: 'web.yaml', rescan: scan });
    expect(result.failed.map((f) => `${f.finding.ruleId}: ${f.reason}`)).toEqual([]);
    expect(result.text).toContain('# a comment that must survive');
    const after = new Set(scan(result.text).map((f) => f.fingerprint));
    expect(fixable.filter((f) => after.has(f.fingerprint)).map((f) => f.message)).toEqual([]);
  });
});
