import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let library: typeof Yaml | undefined;

/**
 * The `yaml` package (~70 modules), loaded on first use. A scan needs it only for what js-yaml
 * does not give: duplicate keys reported with positions, positions the block reader declines,
 * config files and the PolicyReport format. Most command lines never load it.
 */
export function yamlLibrary(): typeof Yaml {
  library ??= require('yaml') as typeof Yaml;
  return library;
}
