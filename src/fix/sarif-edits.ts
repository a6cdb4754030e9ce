import type { Finding } from '../engine/finding.ts';
import type { LoadResult } from '../input/load.ts';
import type { FileEdits } from '../report/context.ts';
import { EditContexts, editsForFinding } from './finding-edits.ts';
import { fixTargets } from './fix-targets.ts';

/**
 * For reporters (SARIF `fixes`): the text edits of each finding's behaviour-preserving `fix`, on
 * the files as loaded, with 1-based lines and columns (UTF-16) and exclusive ends.
 * @example ctx.fixes = textEditsForFinding(loaded);
 */
export function textEditsForFinding(
  loaded: LoadResult,
): (finding: Finding) => FileEdits | undefined {
  const targetOf = fixTargets(loaded);
  const contexts = new EditContexts();
  return (finding) => {
    const ops = finding.fix ?? [];
    const target = ops.length === 0 ? undefined : targetOf(finding);
    if (target === undefined) return undefined;
    const computed = editsForFinding(contexts, target, ops);
    if ('error' in computed || computed.edits.length === 0) return undefined;
    const lines = target.file.lines;
    return {
      file: target.file.path,
      edits: computed.edits.map((e) => {
        const start = lines.position(e.start);
        const end = lines.position(e.end);
        return {
          startLine: start.line,
          startColumn: start.column,
          endLine: end.line,
          endColumn: end.column,
          insertedText: e.text,
        };
      }),
    };
  };
}
