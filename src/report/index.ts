import type { Reporter } from './context.ts';
import { html } from './html.ts';
import { json } from './json.ts';
import { junit } from './junit.ts';
import { policyreport } from './policyreport.ts';
import { sarif } from './sarif.ts';
import { text } from './text.ts';

/** Output formats, in the order `--help` lists them; `text` is the default. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html', 'policyreport'] as const;
export type Format = (typeof FORMATS)[number];

export const reporters = {
  text,
  json,
  sarif,
  junit,
  html,
  policyreport,
} satisfies Record<Format, Reporter>;

/** Narrows a `--format` argument. */
export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

export type {
  FileEdits,
  ReportContext,
  Reporter,
  RuleDescriptor,
  ScanResult,
  TextEdit,
} from './context.ts';
export { JSON_SCHEMA_VERSION } from './json.ts';
