import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_NAMES = ['.kubeward.yaml', '.kubeward.yml'] as const;
export const IGNORE_NAMES = ['.kubewardignore.yaml', '.kubewardignore.yml'] as const;

function isDirectory(at: string): boolean {
  try {
    return statSync(at).isDirectory();
  } catch {
    return false;
  }
}

/** The directory a search starts from: the first scanned path (its directory for a file), else `cwd`. */
export function searchStart(targets: readonly string[], cwd: string): string {
  const first = targets.find((t) => t !== '-');
  if (first === undefined) return cwd;
  const absolute = path.resolve(cwd, first);
  if (isDirectory(absolute)) return absolute;
  return existsSync(absolute) ? path.dirname(absolute) : cwd;
}

/**
 * The first file named one of `names` in `start` or a directory above it. The search stops at the
 * root of a repository (a directory holding `.git`, searched itself) and at the filesystem root.
 */
export function findUpward(start: string, names: readonly string[]): string | undefined {
  let dir = start;
  for (;;) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && !isDirectory(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, '.git')) || parent === dir) return undefined;
    dir = parent;
  }
}

/** The ignore file next to a config file, if there is one. */
export function ignoreFileBeside(configFile: string): string | undefined {
  const dir = path.dirname(configFile);
  return IGNORE_NAMES.map((name) => path.join(dir, name)).find((f) => existsSync(f));
}
