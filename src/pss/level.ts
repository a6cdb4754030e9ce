import type { PssLevel } from '../engine/settings.ts';
import { PSS_LEVELS } from '../engine/settings.ts';

export type { PssLevel };
export { PSS_LEVELS };

/** Levels a check can belong to (`privileged` has no checks). */
export type PssCheckLevel = Exclude<PssLevel, 'privileged'>;

/** Parses a level name exactly as upstream `api.ParseLevel` accepts it; undefined otherwise. */
export function parseLevel(text: string): PssLevel | undefined {
  return (PSS_LEVELS as readonly string[]).includes(text) ? (text as PssLevel) : undefined;
}
