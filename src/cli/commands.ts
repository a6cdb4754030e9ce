import type { Command } from './io.ts';
import { explainCommand } from './explain.ts';
import { rulesCommand } from './rules.ts';
import { scanCommand } from './scan.ts';
import { fixCommand } from './fix.ts';
import { clusterCommand } from './cluster.ts';
import { webhookCommand } from './webhook.ts';
import { netpolCommand } from './netpol.ts';
import { rbacCommand } from './rbac.ts';

/** Every command, with the one-line summary shown by `kubeward --help`. */
export const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  scan: {
    run: scanCommand,
    summary: 'scan manifests (files, directories, stdin) for security problems',
  },
  fix: {
    run: fixCommand,
    summary: 'apply fixes to manifests in place, keeping comments (--dry-run: diff)',
  },
  rules: { run: rulesCommand, summary: 'list the rules' },
  explain: { run: explainCommand, summary: "print a rule's documentation" },
  cluster: { run: clusterCommand, summary: 'scan a live cluster through a kubeconfig (read-only)' },
  rbac: {
    run: rbacCommand,
    summary: 'RBAC: can-i, who-can, risky permissions (risks), escalation paths (paths)',
  },
  netpol: {
    run: netpolCommand,
    summary:
      'NetworkPolicy analysis: connections (conns), why A can or cannot reach B (reach), exposure',
  },
  webhook: { run: webhookCommand, summary: 'admission webhook: serve, certs, manifests' },
};
