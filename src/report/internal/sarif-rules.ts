import type { ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../../engine/finding.ts';
import type { RuleDescriptor } from '../context.ts';

/** SARIF `level` for each severity. */
export const SARIF_LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * GitHub code scanning's `security-severity` (a CVSS-like score as a string); its bands are
 * critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** `container-privileged` → `ContainerPrivileged`, SARIF's human-readable rule name. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function helpText(rule: RuleDescriptor): string {
  const { description, remediation, references } = rule.meta;
  const refs =
    references.length > 0 ? `\n\nReferences:\n${references.map((r) => `- ${r}`).join('\n')}` : '';
  return `${description}\n\nRemediation: ${remediation}${refs}\n\nDocumentation: ${rule.helpUri}`;
}

function helpMarkdown(rule: RuleDescriptor): string {
  const { description, remediation, references } = rule.meta;
  const refs =
    references.length > 0
      ? `\n\n## References\n\n${references.map((r) => `- <${r}>`).join('\n')}`
      : '';
  return `${description}\n\n## Remediation\n\n${remediation}${refs}\n\n[Rule documentation](${rule.helpUri})`;
}

function descriptor(rule: RuleDescriptor): ReportingDescriptor {
  const { meta } = rule;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: rule.helpUri,
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: {
      // GitHub only reads `security-severity` from rules tagged `security`.
      tags: [...new Set(['security', meta.category])],
      'security-severity': SECURITY_SEVERITY[meta.severity],
      ...(meta.exact === true ? { precision: 'very-high' } : {}),
    },
  };
}

/** A minimal descriptor for a finding whose rule is not in `ctx.rules`, so `ruleIndex` stays valid. */
function fallbackDescriptor(finding: Finding): ReportingDescriptor {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: finding.title },
    defaultConfiguration: { level: SARIF_LEVEL[finding.severity] },
    properties: {
      tags: [...new Set(['security', finding.category])],
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
}

/** Every rule that ran (first occurrence of each id wins), then any rule only the findings name. */
export function ruleDescriptors(
  rules: readonly RuleDescriptor[],
  findings: readonly Finding[],
): { descriptors: ReportingDescriptor[]; index: Map<string, number> } {
  const descriptors: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const add = (id: string, make: () => ReportingDescriptor): void => {
    if (index.has(id)) return;
    index.set(id, descriptors.length);
    descriptors.push(make());
  };
  for (const rule of rules) add(rule.id, () => descriptor(rule));
  for (const finding of findings) add(finding.ruleId, () => fallbackDescriptor(finding));
  return { descriptors, index };
}
