import { readFileSync, writeFileSync } from 'node:fs';
import { ruleIndexMarkdown, withRuleIndex } from './rule-index.ts';

// Regenerates the rule index in README.md and docs/rules/index.md from the registry.
const readmeUrl = new URL('../README.md', import.meta.url);
writeFileSync(readmeUrl, withRuleIndex(readFileSync(readmeUrl, 'utf8')));
writeFileSync(
  new URL('../docs/rules/index.md', import.meta.url),
  `# Rules\n\n${ruleIndexMarkdown().replaceAll('](docs/rules/', '](')}\n`,
);
console.log('README.md and docs/rules/index.md updated');
