import type { Severity } from '../engine/finding.ts';
import { shannonEntropy } from './entropy.ts';

/** True for values that look machine-generated (long and random) rather than typed by a person. */
export function looksGenerated(value: string): boolean {
  return value.length >= 12 && shannonEntropy(value) >= 3.5;
}

/**
 * Severity of a literal password: a generated-looking one is probably a live production
 * credential (high); a short word is a weak, often default, credential (medium).
 */
export function passwordSeverity(value: string): Severity {
  return looksGenerated(value) ? 'high' : 'medium';
}
