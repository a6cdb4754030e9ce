import type { ObjectPath } from '../../engine/finding.ts';
import { BlockLocator } from '../block-locate.ts';
import { DEFAULT_LOAD_OPTIONS } from '../load.ts';
import { parsePositions } from '../parse-document.ts';
import { trimSpan } from '../position-index.ts';

export interface Differential {
  /** Paths asked: every node, plus one missing child of each collection and one past each scalar. */
  paths: number;
  /** Paths the block reader answered, all equal to the parser's answer. */
  agreed: number;
  /** Paths it left to the parser. */
  declined: number;
  /** Paths where the two differ, as `path: parser | block reader`. */
  differences: string[];
}

/**
 * Holds the block reader to the position-keeping parser on one document: for every path it
 * answers, the trimmed range and exactness must be the parser's.
 */
export function differential(text: string): Differential {
  const result: Differential = { paths: 0, agreed: 0, declined: 0, differences: [] };
  const parsed = parsePositions(text, DEFAULT_LOAD_OPTIONS);
  const root = parsed?.root;
  if (parsed === undefined || typeof root !== 'object' || root === null) return result;
  const block = new BlockLocator(text);
  const check = (path: ObjectPath) => {
    result.paths++;
    const got = block.locate(root, path);
    const want = parsed.index.find(root, path);
    if (got === undefined || want === undefined) {
      result.declined++;
      return;
    }
    const span = trimSpan(text, want.start, want.end);
    if (span.start === got.start && span.end === got.end && want.exact === got.exact) {
      result.agreed++;
      return;
    }
    const show = (r: { start: number; end: number; exact: boolean }) =>
      `${JSON.stringify(text.slice(r.start, r.end))}@${r.start}${r.exact ? '' : '~'}`;
    result.differences.push(
      `${JSON.stringify(path)}: ${show({ ...span, exact: want.exact })} | ${show(got)}`,
    );
  };
  const visit = (value: unknown, path: (string | number)[]) => {
    check(path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, [...path, i]);
      });
      check([...path, value.length]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
      check([...path, 'kubeward-missing']);
    } else {
      check([...path, 'kubeward-past']);
    }
  };
  visit(root, []);
  return result;
}
