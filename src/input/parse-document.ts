import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { KUBE_YAML_SCHEMA } from './yaml-schema.ts';

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

export interface ParseLimits {
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
  /** Alias expansions accepted per document, as yaml's `maxAliasCount` counts them. */
  maxAliasCount: number;
}

// An anchor or alias token: `&name` / `*name` after whitespace, a flow indicator or line start.
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s[\]{},]/m;

/**
 * Decodes one document as kubectl would (go-yaml v2 scalars, last duplicate key wins), fast path
 * first. The slower position-keeping parser runs only for documents with anchors (to bound alias
 * expansion) or with errors (to report every problem with its position).
 */
export function parseYamlDocument(text: string, limits: ParseLimits): ParsedDocument {
  const problems: ParseProblem[] = [];
  if (ANCHOR_OR_ALIAS.test(text)) {
    const bomb = aliasBomb(text, limits.maxAliasCount);
    if (bomb !== undefined) return { value: undefined, problems: [bomb] };
  }
  try {
    return { value: load(text, limits, false), problems };
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    if (!error.reason.startsWith('duplicated mapping key')) {
      return { value: undefined, problems: [fromYamlException(error)] };
    }
  }
  // Duplicate keys: kubectl's decoder keeps the last value; say where each duplicate is.
  problems.push(...duplicateKeys(text));
  try {
    return { value: load(text, limits, true), problems };
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    return { value: undefined, problems: [...problems, fromYamlException(error)] };
  }
}

function load(text: string, limits: ParseLimits, json: boolean): unknown {
  // js-yaml 4.3 bounds nesting itself; its typings predate the option.
  const options = { schema: KUBE_YAML_SCHEMA, json, maxDepth: limits.maxDepth };
  return jsYaml.load(text, options as jsYaml.LoadOptions);
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

function aliasBomb(text: string, maxAliasCount: number): ParseProblem | undefined {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return undefined; // syntax errors are reported by the main parse
  try {
    doc.toJS({ maxAliasCount });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Unresolved aliases are reported, with their position, by the main parse.
    if (!message.includes('alias count')) return undefined;
    return {
      code: 'E_YAML_ALIAS_BOMB',
      level: 'error',
      message: `alias expansion exceeds the limit of ${maxAliasCount} (${message}); document skipped`,
      offset: 0,
    };
  }
}

function duplicateKeys(text: string): ParseProblem[] {
  const doc = parseDocument(text, { version: '1.1' });
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
