import { KubewardError } from './errors.ts';
import type { AnyRule } from './rule.ts';

export interface RuleSelection {
  /** Rule ids, globs (`pss-*`) or categories (`category:rbac`); empty selects the default rules. */
  include: readonly string[];
  exclude: readonly string[];
}

function matcher(pattern: string): (rule: AnyRule) => boolean {
  if (pattern.startsWith('category:')) {
    const category = pattern.slice('category:'.length);
    return (rule) => rule.meta.category === category;
  }
  const regex = new RegExp(
    `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`,
  );
  return (rule) => regex.test(rule.id);
}

/** The rules a scan runs: the included ones (default: all but opt-in rules) minus the excluded. */
export function selectRules(all: readonly AnyRule[], selection: RuleSelection): AnyRule[] {
  for (const pattern of [...selection.include, ...selection.exclude]) {
    if (!all.some(matcher(pattern))) {
      throw new KubewardError('E_USAGE', `no rule matches "${pattern}" (see \`kubeward rules\`)`);
    }
  }
  const included =
    selection.include.length === 0
      ? all.filter((rule) => rule.meta.optIn !== true)
      : all.filter((rule) => selection.include.some((p) => matcher(p)(rule)));
  const excluders = selection.exclude.map(matcher);
  return included.filter((rule) => !excluders.some((m) => m(rule)));
}
