/** Size and depth bounds for everything the secrets engine reads (DESIGN.md, principle 6). */
export const LIMITS = {
  /** Strings longer than this (1 MiB) are not scanned. */
  maxValueLength: 1024 * 1024,
  /** Nesting depth of walked JSON/YAML values. */
  maxDepth: 64,
  /** Nodes visited in one walk. */
  maxNodes: 100_000,
  /** Lines of one multi-line value scanned for `key: value` pairs. */
  maxLines: 20_000,
  /** Longer lines are skipped by the line scanner (minified blobs, certificates). */
  maxLineLength: 4096,
  /** Matches reported per detector per value. */
  maxMatchesPerDetector: 20,
  /** Matches reported per value, all detectors together. */
  maxMatchesPerValue: 100,
} as const;
