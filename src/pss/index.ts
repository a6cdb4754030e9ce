export type { PssLevel, PssCheckLevel } from './level.ts';
export { PSS_LEVELS, parseLevel } from './level.ts';
export type { PssVersion } from './version.ts';
export { LATEST_MINOR, effectiveMinor, formatVersion, parseVersion } from './version.ts';
export type {
  PssCheckDefinition,
  PssCheckFailure,
  PssCheckFn,
  PssCheckOutcome,
  PssCheckVersion,
  PssField,
} from './check.ts';
export type { ActiveCheck } from './catalogue.ts';
export { PSS_CHECKS, activeChecks, checkById } from './catalogue.ts';
export type { EvaluateOptions } from './evaluate.ts';
export { evaluatePod } from './evaluate.ts';
export type { PssPolicy, ResolvedPssPolicy } from './policy-labels.ts';
export { ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, policyForNamespace } from './policy-labels.ts';
export {
  aggregateForbiddenDetail,
  forbiddenMessage,
  formatPolicy,
  warningMessage,
} from './forbidden-message.ts';
