import path from 'node:path';
import type { ObjectPath } from '../engine/finding.ts';
import { isRecord } from '../model/kube-object.ts';
import type { IgnoreEntry } from '../suppress/ignore-entry.ts';
import { IGNORE_ENTRY_SCHEMA, isIsoDate } from '../suppress/ignore-entry.ts';
import { displayPath } from './display-path.ts';
import { configError, schemaProblems } from './schema-problems.ts';
import type { SchemaProblem } from './schema-problems.ts';
import { YamlSource } from './yaml-source.ts';

const ENTRY_LIST_SCHEMA = { type: 'array', items: IGNORE_ENTRY_SCHEMA } as const;

/**
 * Checks a list of ignore entries written at `base` in `source` and returns them with their
 * positions; problems are added to `problems`.
 */
export function ignoreEntriesAt(
  source: YamlSource,
  list: unknown,
  base: ObjectPath,
  problems: SchemaProblem[],
): IgnoreEntry[] {
  const found = schemaProblems(ENTRY_LIST_SCHEMA, list, base);
  problems.push(...found);
  if (found.length > 0 || !Array.isArray(list)) return [];
  return list.map((raw: unknown, i) => {
    const entry = { ...(raw as IgnoreEntry) };
    if (entry.expires !== undefined && !isIsoDate(entry.expires)) {
      problems.push({ path: [...base, i, 'expires'], key: false, message: 'is not a real date' });
    }
    const { line, column } = source.position([...base, i]);
    entry.source = { file: source.shown, line, column };
    return entry;
  });
}

/**
 * Reads an ignore file (`.kubewardignore.yaml`): a list of entries, or a mapping with an `ignore:`
 * list. Each entry needs a rule and a reason; a bad entry is an `E_CONFIG` error naming it.
 */
export function loadIgnoreFile(file: string, cwd: string): IgnoreEntry[] {
  const source = new YamlSource(path.resolve(cwd, file), displayPath(path.resolve(cwd, file), cwd));
  const value = source.value;
  if (value === null || value === undefined) return [];
  const problems: SchemaProblem[] = [];
  let entries: IgnoreEntry[] = [];
  if (Array.isArray(value)) {
    entries = ignoreEntriesAt(source, value, [], problems);
  } else if (isRecord(value) && Object.keys(value).every((k) => k === 'ignore')) {
    entries = ignoreEntriesAt(source, value.ignore ?? [], ['ignore'], problems);
  } else {
    problems.push({
      path: [],
      key: false,
      message: 'must be a list of ignore entries, or `ignore:` with one',
    });
  }
  if (problems.length > 0) throw configError(source, problems);
  return entries;
}
