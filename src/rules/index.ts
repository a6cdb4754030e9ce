import type { AnyRule } from '../engine/rule.ts';
import { exposureRules } from './exposure/index.ts';
import { namespaceRules } from './namespace/index.ts';
import { networkRules } from './network/index.ts';
import { pssRules } from './pss/index.ts';
import { rbacRules } from './rbac/index.ts';
import { secretsRules } from './secrets/index.ts';
import { workloadRules } from './workload/index.ts';

/** Every rule Kubeward knows, sorted by id. Each domain folder exports its own sorted list. */
export const allRules: readonly AnyRule[] = [
  ...pssRules,
  ...namespaceRules,
  ...secretsRules,
  ...exposureRules,
  ...workloadRules,
  ...networkRules,
  ...rbacRules,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
