import type { AnyRule } from '../../engine/rule.ts';
import configmapSecret from './configmap-secret.ts';
import dockerconfigInlineCredentials from './dockerconfig-inline-credentials.ts';
import envLiteralSecret from './env-literal-secret.ts';
import kubeconfigInlineCredentials from './kubeconfig-inline-credentials.ts';
import lastAppliedSecretData from './last-applied-secret-data.ts';
import secretCommittedData from './secret-committed-data.ts';
import secretEnvExposure from './secret-env-exposure.ts';

/** Rules about secrets in manifests, sorted by id. */
export const secretsRules: readonly AnyRule[] = [
  configmapSecret,
  dockerconfigInlineCredentials,
  envLiteralSecret,
  kubeconfigInlineCredentials,
  lastAppliedSecretData,
  secretCommittedData,
  secretEnvExposure,
];
