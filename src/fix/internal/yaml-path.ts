import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { ObjectPath } from '../../engine/finding.ts';
import { columnOf } from './lines.ts';
import type { YamlStyle } from '../render-value.ts';

/** A node reached by a path, with the collection and entry holding it. */
export interface Located {
  /** The value node; null for an empty value (`key:`). */
  node: Node | null;
  /** The collection holding it; null for the document root. */
  parent: YAMLMap | YAMLSeq | null;
  pair?: Pair;
  index?: number;
}

export interface Walk {
  /** `chain[0]` is the root, `chain[i + 1]` the node at `path[i]`. */
  chain: Located[];
  /** Index in `path` of the first segment that does not exist, when one does not. */
  missing?: number;
  /** Why the path cannot be edited (it goes through an alias, a scalar, …). */
  error?: string;
}

/** The pair of `map` for `key`; the last duplicate wins, as in the decoded object. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) found = pair;
  }
  return found;
}

/** Walks `path` from the root of `doc` as the Locator does (scalar keys compared as strings). */
export function walk(doc: Document, path: ObjectPath): Walk {
  const chain: Located[] = [{ node: doc.contents, parent: null }];
  for (const [i, segment] of path.entries()) {
    const node = chain[chain.length - 1]?.node ?? null;
    if (isAlias(node)) return { chain, error: 'the path goes through a YAML alias' };
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (pair === undefined) return { chain, missing: i };
      chain.push({ node: (pair.value as Node | null) ?? null, parent: node, pair });
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number.NaN;
      const item = node.items[index] as Node | null | undefined;
      if (item === undefined) return { chain, missing: i };
      chain.push({ node: item, parent: node, index });
    } else {
      return { chain, missing: i };
    }
  }
  return { chain };
}

/** Indentation step, sequence indentation and line breaks, as the document already uses them. */
export function detectStyle(doc: Document, text: string): YamlStyle {
  let indent: number | undefined;
  let seqIndent: boolean | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const keyStart = key?.range?.[0];
      const valueStart = value?.range?.[0];
      if (keyStart === undefined || valueStart === undefined) return undefined;
      const keyColumn = columnOf(text, keyStart);
      if (indent === undefined && isMap(value) && value.flow !== true) {
        const first = value.items[0]?.key as Node | null | undefined;
        if (first?.range) indent = columnOf(text, first.range[0]) - keyColumn;
      }
      if (seqIndent === undefined && isSeq(value) && value.flow !== true) {
        seqIndent = columnOf(text, valueStart) > keyColumn;
      }
      return indent !== undefined && seqIndent !== undefined ? visit.BREAK : undefined;
    },
  });
  return {
    indent: indent !== undefined && indent > 0 ? indent : 2,
    seqIndent: seqIndent ?? true,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    json: /^\s*[{[]/.test(text),
  };
}
