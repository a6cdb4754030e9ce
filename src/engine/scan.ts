import type { Diagnostic } from './finding.ts';
import type { AnyRule } from './rule.ts';
import type { ScanSettings } from './settings.ts';
import { runRules } from './run.ts';
import type { Suppressor } from './run.ts';
import { sortDiagnostics } from './sort.ts';
import { Locator } from '../input/locate.ts';
import type { LoadResult } from '../input/load.ts';
import { Inventory } from '../model/inventory.ts';
import type { ScanResult } from '../report/context.ts';

export interface ScanOptions {
  rules: readonly AnyRule[];
  settings: ScanSettings;
  suppressors?: readonly Suppressor[];
}

/** Sources → inventory → rules → located, suppressed, sorted findings: the one pipeline every front uses. */
export function scanLoaded(
  loaded: LoadResult,
  options: ScanOptions,
): ScanResult & { inventory: Inventory } {
  const inventory = new Inventory(loaded.objects);
  const run = runRules(inventory, {
    rules: options.rules,
    settings: options.settings,
    locator: new Locator(loaded.files),
    suppressors: options.suppressors ?? [],
  });
  const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...run.diagnostics]);
  return {
    findings: run.findings,
    suppressed: run.suppressed,
    diagnostics,
    stats: { files: loaded.files.size, objects: loaded.objects.length },
    inventory,
  };
}
