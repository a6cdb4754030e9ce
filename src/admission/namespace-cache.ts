import { CoreV1Api, makeInformer } from '@kubernetes/client-node';
import type { KubeConfig, V1Namespace } from '@kubernetes/client-node';

/** Namespace labels kept current by a watch, so PSA labels are read without a request per review. */
export interface NamespaceLabels {
  labels(name: string): Record<string, string> | undefined;
  /** True once the first list has arrived. */
  synced(): boolean;
  stop(): Promise<void>;
}

/**
 * Watches namespaces (needs `list` and `watch` on namespaces). Until the first list arrives, and for
 * a namespace the cache does not know, labels are undefined and the webhook's flags apply.
 */
export async function watchNamespaces(
  config: KubeConfig,
  onError: (error: unknown) => void,
): Promise<NamespaceLabels> {
  const api = config.makeApiClient(CoreV1Api);
  const informer = makeInformer<V1Namespace>(config, '/api/v1/namespaces', () =>
    api.listNamespace(),
  );
  let synced = false;
  informer.on('error', (error: unknown) => {
    onError(error);
    // The informer stops on error; restart it after a pause, keeping the cache meanwhile.
    setTimeout(() => void informer.start().catch(onError), 5_000).unref();
  });
  informer.on('connect', () => {
    synced = true;
  });
  await informer.start();
  synced = true;
  return {
    labels: (name) => informer.get(name)?.metadata?.labels,
    synced: () => synced,
    stop: () => informer.stop(),
  };
}
