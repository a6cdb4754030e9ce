import { allRules } from '../rules/index.ts';
import { docsPath, docsUrl } from '../rules/docs-url.ts';
import { oneOf, parse } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

export const RULES_HELP = `Usage: kubeward rules [--format text|json]

Lists every rule: id, severity, category, title and documentation page.
With --format json, each rule also carries its description, references, peer ids
(Trivy, Kubescape, Polaris, kube-score, Checkov) and options schema.
`;

export async function rulesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(RULES_HELP);
    return EXIT.ok;
  }
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  if (format === 'json') {
    const rules = allRules.map((rule) => ({
      id: rule.id,
      title: rule.meta.title,
      severity: rule.meta.severity,
      category: rule.meta.category,
      exact: rule.meta.exact === true,
      optIn: rule.meta.optIn === true,
      description: rule.meta.description,
      remediation: rule.meta.remediation,
      references: rule.meta.references,
      peers: rule.meta.peers ?? {},
      options: rule.meta.schema ?? null,
      defaultOptions: rule.meta.defaultOptions ?? {},
      docs: docsPath(rule.id),
      helpUri: docsUrl(rule.id),
    }));
    io.stdout(`${JSON.stringify({ rules }, null, 2)}\n`);
    return await Promise.resolve(EXIT.ok);
  }
  const idWidth = Math.max(...allRules.map((r) => r.id.length));
  const lines = allRules.map(
    (rule) =>
      `${rule.id.padEnd(idWidth)}  ${rule.meta.severity.padEnd(8)}  ${rule.meta.category.padEnd(14)}  ${rule.meta.title}`,
  );
  io.stdout(
    `${lines.join('\n')}\n\n${allRules.length} rules. \`kubeward explain RULE\` prints a rule's documentation.\n`,
  );
  return EXIT.ok;
}
