import type { AnyRule } from '../../engine/rule.ts';
import namespacePssUnlabelled from './namespace-pss-unlabelled.ts';

export const namespaceRules: readonly AnyRule[] = [namespacePssUnlabelled];
