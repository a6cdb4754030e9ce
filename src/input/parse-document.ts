import jsYaml from 'js-yaml';
import { aliasExpansion } from './alias-expansion.ts';
import { decodeBlockYaml } from './block-decode.ts';
import { PositionIndex } from './position-index.ts';
import { KUBE_YAML_SCHEMA } from './yaml-schema.ts';
import { yamlLibrary } from './yaml-library.ts';

/** A problem found while parsing one document, at an offset inside the document's text. */
export interface ParseProblem {
  code: string;
  level: 'error' | 'warning';
  message: string;
  offset: number;
  endOffset?: number;
}

export interface ParsedDocument {
  /** The decoded value; undefined when the document could not be decoded. */
  value: unknown;
  problems: ParseProblem[];
}

/** A document parsed again with its source positions: the decoded root and the spans of its nodes. */
export interface DocumentPositions {
  root: unknown;
  index: PositionIndex;
}

export interface ParseLimits {
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
  /** How many times larger than written a document may grow once its aliases are expanded. */
  maxAliasExpansion: number;
}

// Small documents cannot hurt, whatever their aliases.
const MIN_EXPANSION_CHECKED = 10_000;

const NOT_IN_NAME = new Set([' ', '\t', '\n', '\r', '[', ']', '{', '}', ',']);
// What may stand before a node (and so before its anchor or alias) once blanks are skipped.
const NODE_START = new Set(['\n', ':', '-', '[', '{', ',', '?']);

/**
 * Whether the text may hold an anchor or alias token (`&name` / `*name` where a node starts:
 * after `: `, `- `, `[`, `{`, `,`, `? ` or at a line start). indexOf scans natively, much cheaper
 * than a regex over large CRDs, and prose such as `*.yaml` or `&&` does not count.
 */
function mayHaveAnchors(text: string): boolean {
  for (const mark of ['*', '&']) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      const after = text.charAt(at + 1);
      if (after === '' || NOT_IN_NAME.has(after)) continue;
      let before = at - 1;
      while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
      if (before < 0 || NODE_START.has(text.charAt(before))) return true;
    }
  }
  return false;
}

/**
 * Decodes one document as kubectl would (go-yaml v2 scalars, last duplicate key wins): with the
 * block decoder when it follows the text, else with js-yaml, which also reports what is wrong.
 * The slower `yaml` parser runs only for documents with duplicate keys, to report each one with
 * its position. No positions are kept: most documents get no finding, and the positions of those
 * that do are read from their text afterwards (block-locate.ts, else `parsePositions`).
 */
export function parseYamlDocument(text: string, limits: ParseLimits): ParsedDocument {
  const decoded = decodeBlockYaml(text, limits.maxDepth);
  if (decoded !== undefined) return { value: decoded.value, problems: [] };
  const problems: ParseProblem[] = [];
  try {
    return checked(load(text, limits, false), text, limits, problems);
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    if (!error.reason.startsWith('duplicated mapping key')) {
      return { value: undefined, problems: [fromYamlException(error)] };
    }
  }
  // Duplicate keys: kubectl's decoder keeps the last value; say where each duplicate is.
  problems.push(...duplicateKeys(text));
  try {
    return checked(load(text, limits, true), text, limits, problems);
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    return { value: undefined, problems: [...problems, fromYamlException(error)] };
  }
}

/**
 * Parses a document that already loaded again, this time recording where each node is (js-yaml's
 * `listener`). Undefined when that parse cannot give them (duplicate keys need the `yaml` parser).
 */
export function parsePositions(text: string, limits: ParseLimits): DocumentPositions | undefined {
  const index = new PositionIndex();
  try {
    return { root: load(text, limits, false, index.listener), index };
  } catch {
    return undefined;
  }
}

function load(
  text: string,
  limits: ParseLimits,
  json: boolean,
  listener?: PositionIndex['listener'],
): unknown {
  // js-yaml 4.3 bounds nesting itself; its typings predate the option.
  const options = { schema: KUBE_YAML_SCHEMA, json, maxDepth: limits.maxDepth, listener };
  return jsYaml.load(text, options);
}

function fromYamlException(error: jsYaml.YAMLException): ParseProblem {
  const reason = error.reason;
  const code = reason.startsWith('unidentified alias')
    ? 'E_YAML_UNRESOLVED_ALIAS'
    : reason.startsWith('nesting exceeded maxDepth')
      ? 'E_YAML_TOO_DEEP'
      : 'E_YAML_SYNTAX';
  return { code, level: 'error', message: reason, offset: error.mark.position };
}

/** Refuses documents whose aliases expand them past the limit (billion laughs). */
function checked(
  value: unknown,
  text: string,
  limits: ParseLimits,
  problems: ParseProblem[],
): ParsedDocument {
  // js-yaml shares one object per anchor, so only documents with aliases need the walk.
  if (!mayHaveAnchors(text)) return { value, problems };
  const { written, expanded } = aliasExpansion(value);
  if (expanded <= MIN_EXPANSION_CHECKED || expanded <= written * limits.maxAliasExpansion) {
    return { value, problems };
  }
  const message = `aliases expand this document from ${written} to ${expanded} nodes, over ${limits.maxAliasExpansion}× (an alias bomb); document skipped`;
  return {
    value: undefined,
    problems: [...problems, { code: 'E_YAML_ALIAS_BOMB', level: 'error', message, offset: 0 }],
  };
}

function duplicateKeys(text: string): ParseProblem[] {
  const doc = yamlLibrary().parseDocument(text, { version: '1.1' });
  return doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => ({
      code: 'W_YAML_DUPLICATE_KEY',
      level: 'warning' as const,
      message: 'duplicate mapping key; the last value is used, as kubectl does',
      offset: e.pos[0],
      endOffset: e.pos[1],
    }));
}
