import { SEVERITIES } from '../engine/finding.ts';
import { PSS_LEVELS } from '../engine/settings.ts';
import { IGNORE_ENTRY_SCHEMA } from '../suppress/ignore-entry.ts';

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** JSON Schema of `.kubeward.yaml`; rule entries are checked further against each rule's own schema. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'object', additionalProperties: { type: ['string', 'object'] } },
    include: stringList,
    exclude: stringList,
    pss: {
      type: 'object',
      additionalProperties: false,
      properties: { level: { enum: [...PSS_LEVELS] }, version: { type: 'string' } },
    },
    failOn: { enum: [...SEVERITIES, 'none'] },
    // Entries are checked by `ignoreEntriesAt`, which also records their positions.
    ignore: { type: 'array' },
    annotationSuppressions: { type: 'boolean' },
  },
} as const;

/** `rules.<id>` written as `off`, a severity, or an object. */
export const RULE_SEVERITY_SCHEMA = { enum: ['off', ...SEVERITIES] } as const;

export const RULE_OBJECT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { severity: RULE_SEVERITY_SCHEMA, options: { type: 'object' } },
} as const;

/** An ignore file: a list of entries, or a mapping with an `ignore:` list. */
export const IGNORE_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['ignore'],
  properties: { ignore: { type: 'array', items: IGNORE_ENTRY_SCHEMA } },
} as const;
