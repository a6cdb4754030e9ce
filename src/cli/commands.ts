import type { Command } from './io.ts';

/**
 * Every command, with the one-line summary shown by `kubeward --help`. A command's modules load
 * only when it runs: together they pull in the Kubernetes client, x509, the webhook server and
 * metrics, and loading all of them made every invocation (even `--version`) take over a second.
 */
export const COMMANDS: Readonly<Record<string, { load: () => Promise<Command>; summary: string }>> =
  {
    scan: {
      load: async () => (await import('./scan.ts')).scanCommand,
      summary: 'scan manifests (files, directories, stdin) for security problems',
    },
    fix: {
      load: async () => (await import('./fix.ts')).fixCommand,
      summary: 'apply fixes to manifests in place, keeping comments (--dry-run: diff)',
    },
    rules: {
      load: async () => (await import('./rules.ts')).rulesCommand,
      summary: 'list the rules',
    },
    explain: {
      load: async () => (await import('./explain.ts')).explainCommand,
      summary: "print a rule's documentation",
    },
    cluster: {
      load: async () => (await import('./cluster.ts')).clusterCommand,
      summary: 'scan a live cluster through a kubeconfig (read-only)',
    },
    rbac: {
      load: async () => (await import('./rbac.ts')).rbacCommand,
      summary: 'RBAC: can-i, who-can, risky permissions (risks), escalation paths (paths)',
    },
    netpol: {
      load: async () => (await import('./netpol.ts')).netpolCommand,
      summary:
        'NetworkPolicy analysis: connections (conns), why A can or cannot reach B (reach), exposure',
    },
    webhook: {
      load: async () => (await import('./webhook.ts')).webhookCommand,
      summary: 'admission webhook: serve, certs, manifests',
    },
  };
