import type { TestProject } from 'vitest/node';
import { startCluster } from './cluster.ts';
import type { TestCluster } from './cluster.ts';

/** What end-to-end tests receive through `inject('kubeCluster')`: a TestCluster without `stop`. */
export type SharedCluster = Omit<TestCluster, 'stop'>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared API server; null when KUBEWARD_SKIP_E2E=1. */
    kubeCluster: SharedCluster | null;
  }
}

/**
 * Vitest globalSetup: starts one cluster for the whole run and stops it when the run ends.
 * @example
 * const cluster = inject('kubeCluster');
 * describe.skipIf(!cluster)('rbac oracle', () => { ... kubeRequest(cluster!, ...) ... });
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.KUBEWARD_SKIP_E2E === '1') {
    project.provide('kubeCluster', null);
    return () => Promise.resolve();
  }
  const cluster = await startCluster();
  const { server, kubeconfigPath, caCertPath, adminToken, version, dir } = cluster;
  project.provide('kubeCluster', { server, kubeconfigPath, caCertPath, adminToken, version, dir });
  return () => cluster.stop();
}
