import { readFileSync } from 'node:fs';
import type { Document, Node } from 'yaml';
import { yamlLibrary } from '../input/yaml-library.ts';
import type { ObjectPath } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import { LineIndex } from '../input/line-index.ts';

/**
 * A small YAML file of ours (config, ignore file, parsed as YAML 1.2 so `off` and dates stay
 * strings), kept with its nodes so that errors can point at the key they are about.
 */
export class YamlSource {
  /** Path as shown in messages. */
  readonly shown: string;
  readonly value: unknown;
  readonly #doc: Document;
  readonly #lines: LineIndex;

  constructor(file: string, shown: string) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KubewardError('E_CONFIG', `cannot read ${shown}: ${reason}`);
    }
    this.shown = shown;
    this.#lines = new LineIndex(text);
    this.#doc = yamlLibrary().parseDocument(text, { prettyErrors: false });
    const first = this.#doc.errors[0];
    if (first !== undefined) {
      const { line, column } = this.#lines.position(first.pos[0]);
      throw new KubewardError(
        'E_CONFIG',
        `${shown}:${line}:${column}: ${first.message.split('\n')[0] ?? 'bad YAML'}`,
      );
    }
    try {
      this.value = this.#doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KubewardError('E_CONFIG', `${shown}: ${reason}`);
    }
  }

  /** Line and column of the node at `path` (of its key when `key`), or of its closest ancestor. */
  position(path: ObjectPath, key = false): { line: number; column: number } {
    const { isMap, isScalar, isSeq } = yamlLibrary();
    let node: Node | null = this.#doc.contents;
    let keyNode: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (pair === undefined) break;
        keyNode = pair.key as Node | null;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = null;
        node = node.items[segment] as Node | null;
      } else {
        break;
      }
    }
    const target = key && keyNode !== null ? keyNode : (node ?? keyNode);
    return this.#lines.position(target?.range?.[0] ?? 0);
  }

  /** `file:line:column` of the node at `path`, for messages. */
  where(path: ObjectPath, key = false): string {
    const { line, column } = this.position(path, key);
    return `${this.shown}:${line}:${column}`;
  }
}
