/** Choices where the NetworkPolicy spec leaves the answer to the network plugin. */
export interface NetpolOptions {
  /**
   * Let `ipBlock` peers match pods whose status IPs fall inside them. Off by default, as in the
   * np-guard oracle: the spec says ipBlocks are meant for cluster-external IPs and plugins differ
   * on pod IPs (https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource).
   */
  ipBlocksMatchPods: boolean;
  /**
   * Namespace of the stand-in pod for the cluster's (unknown) ingress controller, the source of
   * traffic that Ingress objects route. It has no labels; its namespace only the name label.
   */
  ingressControllerNamespace: string;
}

export const DEFAULT_NETPOL_OPTIONS: NetpolOptions = Object.freeze({
  ipBlocksMatchPods: false,
  ingressControllerNamespace: 'ingress-controller-ns',
});
