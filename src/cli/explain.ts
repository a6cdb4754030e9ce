import { readFileSync } from 'node:fs';
import { KubewardError } from '../engine/errors.ts';
import { allRules } from '../rules/index.ts';
import { parse } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

export const EXPLAIN_HELP = `Usage: kubeward explain RULE

Prints the documentation of a rule: what it checks, why it matters, examples, options and how to fix it.
`;

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help === true) {
    io.stdout(EXPLAIN_HELP);
    return EXIT.ok;
  }
  const id = positionals[0];
  if (id === undefined || positionals.length > 1)
    throw new KubewardError('E_USAGE', 'explain takes one rule id (see `kubeward rules`)');
  if (!allRules.some((rule) => rule.id === id))
    throw new KubewardError('E_USAGE', `no rule "${id}" (see \`kubeward rules\`)`);
  // docs/ ships in the package, two levels above both src/cli and dist/cli.
  io.stdout(readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8'));
  return await Promise.resolve(EXIT.ok);
}
