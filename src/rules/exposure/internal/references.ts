/** References shared by the exposure rules. */
const SERVICE_DOC = 'https://kubernetes.io/docs/concepts/services-networking/service/';

export const NODEPORT_DOC = `${SERVICE_DOC}#type-nodeport`;
export const LOADBALANCER_DOC = `${SERVICE_DOC}#loadbalancer`;
export const INTERNAL_LB_DOC = `${SERVICE_DOC}#internal-load-balancer`;
export const EXTERNAL_IPS_DOC = `${SERVICE_DOC}#external-ips`;
export const CVE_2020_8554 = 'https://github.com/kubernetes/kubernetes/issues/97076';
export const SOURCE_RANGES_DOC =
  'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/';
export const INGRESS_TLS_DOC =
  'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls';
export const INGRESS_HOSTNAME_WILDCARDS_DOC =
  'https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards';
