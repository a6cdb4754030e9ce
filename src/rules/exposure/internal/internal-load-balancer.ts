import type { KubeObject } from '../../../model/kube-object.ts';
import { annotationsOf } from '../../../model/kube-object.ts';
import { specOf } from './service.ts';

/** A cloud annotation that makes a LoadBalancer Service internal, and the values that do. */
interface InternalMarker {
  annotation: string;
  internal: (value: string) => boolean;
}

const is =
  (...values: string[]) =>
  (value: string): boolean =>
    values.includes(value.trim().toLowerCase());

/**
 * Annotations of the cloud providers' load-balancer controllers that request a private address.
 * The in-tree AWS provider treats any value but "false" as internal.
 */
const MARKERS: readonly InternalMarker[] = [
  {
    annotation: 'service.beta.kubernetes.io/aws-load-balancer-internal',
    internal: (value) => value.trim() !== '' && value.trim().toLowerCase() !== 'false',
  },
  { annotation: 'service.beta.kubernetes.io/aws-load-balancer-scheme', internal: is('internal') },
  { annotation: 'networking.gke.io/load-balancer-type', internal: is('internal') },
  { annotation: 'cloud.google.com/load-balancer-type', internal: is('internal') },
  { annotation: 'service.beta.kubernetes.io/azure-load-balancer-internal', internal: is('true') },
  { annotation: 'service.beta.kubernetes.io/oci-load-balancer-internal', internal: is('true') },
  { annotation: 'oci-network-load-balancer.oraclecloud.com/internal', internal: is('true') },
  {
    annotation: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type',
    internal: is('private'),
  },
  {
    annotation: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type',
    internal: is('intranet'),
  },
  {
    annotation: 'service.beta.kubernetes.io/openstack-internal-load-balancer',
    internal: is('true'),
  },
];

const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';

/** An annotation value as the user meant it (unquoted `true` arrives as a boolean). */
function annotation(annotations: Record<string, unknown>, key: string): string | undefined {
  const value = annotations[key];
  if (typeof value === 'string') return value;
  return typeof value === 'boolean' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Why a LoadBalancer Service gets a private address, or undefined when nothing says so (most
 * clouds then allocate a public one). The AWS Load Balancer Controller (type `external` or class
 * `service.k8s.aws/nlb`) defaults to an internal scheme.
 */
export function internalLoadBalancerReason(object: KubeObject): string | undefined {
  const annotations: Record<string, unknown> = annotationsOf(object);
  for (const marker of MARKERS) {
    const value = annotation(annotations, marker.annotation);
    if (value !== undefined && marker.internal(value)) {
      return `${marker.annotation}: ${value}`;
    }
  }
  const awsController =
    specOf(object)?.loadBalancerClass === 'service.k8s.aws/nlb' ||
    annotation(annotations, AWS_TYPE) === 'external';
  if (awsController && annotation(annotations, AWS_SCHEME) === undefined) {
    return 'AWS Load Balancer Controller, whose default scheme is internal';
  }
  return undefined;
}
