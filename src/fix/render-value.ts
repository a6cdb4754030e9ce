import jsYaml from 'js-yaml';
import { parse as parseYaml } from 'yaml';
import { KUBE_YAML_SCHEMA } from '../input/yaml-schema.ts';
import { isRecord } from '../model/kube-object.ts';

/** How new YAML is laid out, detected from the document being edited. */
export interface YamlStyle {
  /** Spaces per nesting level of block mappings. */
  indent: number;
  /** Block sequences under a key are indented (`key:\n  - a`) rather than flush (`key:\n- a`). */
  seqIndent: boolean;
  eol: string;
  /** The document is JSON: new entries are written as JSON. */
  json: boolean;
}

/** Scalar styles of the `yaml` package that a replacement may keep. */
export type ScalarStyle =
  'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

const INDICATOR_START = /^(?:[[\]{},#&*!|>'"%@`]|[-?:](?:\s|$)|---|\.\.\.)/;

/** A string that reads back as the same string, both as kubectl decodes it and as YAML 1.1 does. */
function plainSafe(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || /[\n\r\t]/.test(text)) return false;
  if (INDICATOR_START.test(text) || /: | #|:$/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  try {
    return (
      jsYaml.load(text, { schema: KUBE_YAML_SCHEMA }) === text &&
      parseYaml(text, { version: '1.1' }) === text
    );
  } catch {
    return false;
  }
}

function renderNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return String(value);
}

/**
 * A scalar as YAML source. Strings keep `preferred` style when it can hold them (so a replaced
 * `'single'` stays single-quoted), are plain when that reads back the same, and double-quoted otherwise.
 */
export function renderScalar(value: unknown, flow: boolean, preferred?: ScalarStyle): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'bigint') return value.toString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (preferred === 'QUOTE_SINGLE' && !/[\n\r]/.test(text))
    return `'${text.replaceAll("'", "''")}'`;
  if (preferred !== 'QUOTE_DOUBLE' && plainSafe(text, flow)) return text;
  return JSON.stringify(text);
}

/** True for values written on the line of their key: scalars and empty collections. */
export function isInline(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return definedEntries(value).length === 0;
  return true;
}

function definedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

/** A value in flow style (`{a: 1, b: [x]}`), or as JSON in JSON documents. */
export function renderFlow(value: unknown, json: boolean): string {
  if (json) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v, false)).join(', ')}]`;
  if (isRecord(value)) {
    const pairs = definedEntries(value).map(
      ([k, v]) => `${renderScalar(k, true)}: ${renderFlow(v, false)}`,
    );
    return `{${pairs.join(', ')}}`;
  }
  return renderScalar(value, true);
}

/** A value on its key's line: scalars, `{}` and `[]`. */
export function renderInline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isRecord(value)) return '{}';
  return renderScalar(value, false);
}

/**
 * Lines (without line breaks) of a non-empty collection in block style, its entries starting at
 * column `column`.
 */
export function renderBlock(value: unknown, column: number, style: YamlStyle): string[] {
  const pad = ' '.repeat(column);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isInline(item)) return [`${pad}- ${renderInline(item)}`];
      const lines = renderBlock(item, column + 2, style);
      return [`${pad}- ${(lines[0] ?? '').slice(column + 2)}`, ...lines.slice(1)];
    });
  }
  if (!isRecord(value)) return [`${pad}${renderInline(value)}`];
  return definedEntries(value).flatMap(([key, v]) => renderPair(key, v, column, style));
}

/** Lines of one `key: value` pair of a block mapping whose keys sit at `column`. */
export function renderPair(
  key: string,
  value: unknown,
  column: number,
  style: YamlStyle,
): string[] {
  const head = `${' '.repeat(column)}${renderScalar(key, false)}:`;
  if (isInline(value)) return [`${head} ${renderInline(value)}`];
  return [head, ...renderBlock(value, childColumn(value, column, style), style)];
}

/** Column of the entries of a block collection that is the value of a key at `keyColumn`. */
export function childColumn(value: unknown, keyColumn: number, style: YamlStyle): number {
  if (Array.isArray(value)) return keyColumn + (style.seqIndent ? style.indent : 0);
  return keyColumn + style.indent;
}
