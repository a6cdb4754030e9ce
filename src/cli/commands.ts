import type { Command } from './io.ts';
import { explainCommand } from './explain.ts';
import { rulesCommand } from './rules.ts';
import { scanCommand } from './scan.ts';

/** Every command, with the one-line summary shown by `kubeward --help`. */
export const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  scan: { run: scanCommand, summary: 'scan manifests (files, directories, stdin) for security problems' },
  rules: { run: rulesCommand, summary: 'list the rules' },
  explain: { run: explainCommand, summary: "print a rule's documentation" },
};
