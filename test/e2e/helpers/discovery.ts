import { kubeRequest } from '../kube-request.ts';
import type { KubeEndpoint } from '../kube-request.ts';
import type { WireObject } from './objects.ts';

/** A resource as the server's discovery documents name it. */
export interface ServedResource {
  /** Plural resource name, such as `deployments`. */
  name: string;
  namespaced: boolean;
}

interface ResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

/**
 * Maps apiVersion/kind to the REST path the server serves it at, from `/api/v1` and
 * `/apis/GROUP/VERSION` discovery (one request per group version, cached).
 */
export class Discovery {
  readonly #cluster: KubeEndpoint;
  readonly #lists = new Map<string, Promise<ResourceList | undefined>>();

  constructor(cluster: KubeEndpoint) {
    this.#cluster = cluster;
  }

  /** The served resource of a kind, or undefined when the server does not serve it (a CRD's kind, say). */
  async resource(apiVersion: string, kind: string): Promise<ServedResource | undefined> {
    let list = this.#lists.get(apiVersion);
    if (list === undefined) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      list = kubeRequest(this.#cluster, { path }).then((res) =>
        res.status === 200 ? (res.body as ResourceList) : undefined,
      );
      this.#lists.set(apiVersion, list);
    }
    // Subresources (`pods/status`) share their parent's kind; the resource itself has no slash.
    const found = (await list)?.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    return found === undefined ? undefined : { name: found.name, namespaced: found.namespaced };
  }

  /**
   * The collection path to POST an object to, or undefined for an unserved kind. A namespaced
   * object goes to `namespace`, whatever its own metadata says.
   */
  async collectionPath(object: WireObject, namespace: string): Promise<string | undefined> {
    const served = await this.resource(object.apiVersion, object.kind);
    if (served === undefined) return undefined;
    const base = object.apiVersion.includes('/')
      ? `/apis/${object.apiVersion}`
      : `/api/${object.apiVersion}`;
    return served.namespaced
      ? `${base}/namespaces/${namespace}/${served.name}`
      : `${base}/${served.name}`;
  }
}
