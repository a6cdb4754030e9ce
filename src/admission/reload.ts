import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';
import type { AdmissionEngine } from './evaluate.ts';

export interface Built {
  engine: AdmissionEngine;
  /** Files and directories whose changes rebuild the engine. */
  watched: readonly string[];
}

export interface ReloadOptions {
  /** Builds a complete engine from the files; throws when they are bad. */
  build(): Promise<Built>;
  log(record: Record<string, unknown>): void;
  /** Quiet time after the last change before rebuilding (editors write in several steps). */
  debounceMs?: number;
}

/** The engine `createApp` reads per request, kept current as its files change. */
export interface ReloadingEngine {
  current(): AdmissionEngine;
  /** Rebuilds now (if the files changed); true when a new engine was swapped in. */
  reload(): Promise<boolean>;
  close(): void;
}

/**
 * Builds the engine, then watches its files (`fs.watch` on each file's directory, so editors'
 * rename-into-place and Kubernetes' ConfigMap `..data` symlink swaps are seen; directories
 * recursively) and, after a debounce, builds a new engine completely before swapping the
 * reference. Requests read the reference once, so each finishes with the engine it started with.
 * A bad new config is logged and the old engine stays. Rebuilds are serialised.
 */
export async function reloadingEngine(options: ReloadOptions): Promise<ReloadingEngine> {
  let built = await options.build();
  let fingerprint = fingerprintOf(built.watched);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let again = false;
  let closed = false;

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, options.debounceMs ?? 300);
    timer.unref();
  }
  let watchers = watchAll(built.watched, schedule);

  async function rebuild(): Promise<boolean> {
    const seen = fingerprintOf(built.watched);
    if (seen === fingerprint) return false;
    try {
      const next = await options.build();
      built = next;
      fingerprint = seen;
      options.log({
        level: 'info',
        msg: 'configuration reloaded',
        rules: next.engine.rules.length,
      });
    } catch (error) {
      // Remember the bad content, so that the same bad files are not rebuilt on every event.
      fingerprint = seen;
      options.log({
        level: 'error',
        msg: 'configuration reload failed; the previous configuration stays in force',
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
    if (closed) return true;
    for (const w of watchers) w.close();
    watchers = watchAll(built.watched, schedule);
    return true;
  }

  async function reload(): Promise<boolean> {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = rebuild();
    try {
      return await running;
    } finally {
      running = undefined;
      if (again && !closed) {
        again = false;
        schedule();
      }
    }
  }

  return {
    current: () => built.engine,
    reload,
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

function watchAll(paths: readonly string[], onChange: () => void): FSWatcher[] {
  const dirs = new Map<string, boolean>();
  for (const p of paths) {
    const absolute = path.resolve(p);
    let isDir = false;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      // Missing now: watch where it would appear.
    }
    const dir = isDir ? absolute : path.dirname(absolute);
    dirs.set(dir, (dirs.get(dir) ?? false) || isDir);
  }
  const watchers: FSWatcher[] = [];
  for (const [dir, recursive] of dirs) {
    try {
      const w = watch(dir, { recursive, persistent: false }, onChange);
      w.on('error', onChange);
      watchers.push(w);
    } catch {
      // A directory that cannot be watched (gone, permissions): its files are still read on reload.
    }
  }
  return watchers;
}

const MAX_DEPTH = 16;

/** A digest of the watched files' contents (directories: every file below, in sorted order). */
function fingerprintOf(paths: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (file: string, depth: number) => {
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) {
        if (depth >= MAX_DEPTH) return;
        for (const entry of readdirSync(file).sort()) add(path.join(file, entry), depth + 1);
      } else {
        hash.update(file).update('\0').update(readFileSync(file)).update('\0');
      }
    } catch {
      hash.update(file).update('\0missing\0');
    }
  };
  for (const p of paths) add(path.resolve(p), 0);
  return hash.digest('hex');
}
