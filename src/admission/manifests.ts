import type { KubeObject } from '../model/kube-object.ts';

export interface ManifestOptions {
  namespace: string;
  name: string;
  image: string;
  /** Base64 CA bundle for the webhook configurations (from `kubeward webhook certs`). */
  caBundle: string;
  /** Whether the mutating webhook is installed (opt in). */
  mutate: boolean;
  /** Fail (deny when the webhook is down) or Ignore (admit). */
  failurePolicy: 'Fail' | 'Ignore';
  timeoutSeconds: number;
  /** Where the API server calls from (webhook ingress) and listens (namespace watch egress). */
  apiServerCidrs: string[];
}

/**
 * V8 heap settings for the webhook process. Capping the young generation at 16 MB keeps scavenges
 * short (by default it grows to 32 MB+ under load, and one growth step paused for 25 ms); capping the old
 * generation makes V8 collect what reviews leave behind every few seconds instead of letting the
 * heap grow towards its default limit, so memory stays flat under load (see the README benchmarks).
 */
export const WEBHOOK_NODE_OPTIONS = '--max-semi-space-size=16 --max-old-space-size=192';

/** Private ranges: where control planes usually sit; narrow them with --apiserver-cidr. */
export const DEFAULT_APISERVER_CIDRS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

const LABELS = {
  'app.kubernetes.io/name': 'kubeward-webhook',
  'app.kubernetes.io/part-of': 'kubeward',
};

/**
 * Everything to run the webhook in a cluster. The namespaceSelector excludes kube-system,
 * kube-node-lease, kube-public and the webhook's own namespace, so a webhook that is down can never
 * block the pods that would bring it back (the deadlock Kyverno and Gatekeeper users hit).
 */
export function webhookManifests(o: ManifestOptions): KubeObject[] {
  const selector = { matchLabels: LABELS };
  const excluded = ['kube-system', 'kube-node-lease', 'kube-public', o.namespace];
  const webhook = (path: string, suffix: string) => ({
    name: `${suffix}.kubeward.io`,
    admissionReviewVersions: ['v1'],
    sideEffects: 'None',
    timeoutSeconds: o.timeoutSeconds,
    // Validation fails closed (kube-system and our namespace are excluded, so recovery is always
    // possible); mutation is a convenience and fails open, validation still guards.
    failurePolicy: suffix === 'mutate' ? 'Ignore' : o.failurePolicy,
    matchPolicy: 'Equivalent',
    reinvocationPolicy: suffix === 'mutate' ? 'IfNeeded' : undefined,
    clientConfig: {
      service: { name: o.name, namespace: o.namespace, path, port: 443 },
      caBundle: o.caBundle,
    },
    namespaceSelector: {
      matchExpressions: [
        { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: excluded },
      ],
    },
    rules: [
      {
        apiGroups: ['', 'apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io'],
        apiVersions: ['*'],
        operations: ['CREATE', 'UPDATE'],
        resources: [
          'pods',
          'deployments',
          'replicasets',
          'statefulsets',
          'daemonsets',
          'jobs',
          'cronjobs',
          'replicationcontrollers',
          'services',
          'ingresses',
          'networkpolicies',
          'roles',
          'rolebindings',
          'configmaps',
          'secrets',
        ],
        scope: 'Namespaced',
      },
    ],
  });
  const objects: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: o.namespace,
        labels: {
          ...LABELS,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    },
    ...networkPolicies(o),
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: o.name, namespace: o.namespace, labels: LABELS },
      automountServiceAccountToken: true,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: o.name, labels: LABELS },
      rules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: o.name, labels: LABELS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: o.name },
      subjects: [{ kind: 'ServiceAccount', name: o.name, namespace: o.namespace }],
    },
    deployment(o),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: o.name, namespace: o.namespace, labels: LABELS },
      spec: { minAvailable: 1, selector },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: o.name, namespace: o.namespace, labels: LABELS },
      spec: {
        type: 'ClusterIP',
        selector: LABELS,
        ports: [{ name: 'https', port: 443, targetPort: 'https' }],
      },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: o.name, labels: LABELS },
      webhooks: [webhook('/validate', 'validate')],
    },
  ];
  if (o.mutate) {
    objects.push({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: o.name, labels: LABELS },
      webhooks: [webhook('/mutate', 'mutate')],
    });
  }
  return JSON.parse(JSON.stringify(objects)) as KubeObject[]; // drops undefined fields
}

/** Default deny, then: reviews from the API server in, namespace watches and DNS out. */
function networkPolicies(o: ManifestOptions): KubeObject[] {
  const apiServer = o.apiServerCidrs.map((cidr) => ({ ipBlock: { cidr } }));
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: o.namespace, labels: LABELS },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: o.name, namespace: o.namespace, labels: LABELS },
      spec: {
        podSelector: { matchLabels: LABELS },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: apiServer, ports: [{ protocol: 'TCP', port: 8443 }] }],
        egress: [
          {
            to: apiServer,
            ports: [
              { protocol: 'TCP', port: 443 },
              { protocol: 'TCP', port: 6443 },
            ],
          },
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
                },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
  ];
}

function deployment(o: ManifestOptions): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name, namespace: o.namespace, labels: LABELS },
    spec: {
      replicas: 2,
      selector: { matchLabels: LABELS },
      template: {
        metadata: { labels: LABELS },
        spec: {
          serviceAccountName: o.name,
          priorityClassName: 'system-cluster-critical',
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 65532,
            runAsGroup: 65532,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: LABELS },
            },
          ],
          containers: [
            {
              name: 'webhook',
              image: o.image,
              imagePullPolicy: 'Always',
              args: [
                'webhook',
                'serve',
                '--port',
                '8443',
                '--tls-cert',
                '/tls/tls.crt',
                '--tls-key',
                '/tls/tls.key',
              ],
              env: [{ name: 'NODE_OPTIONS', value: WEBHOOK_NODE_OPTIONS }],
              ports: [{ name: 'https', containerPort: 8443 }],
              readinessProbe: {
                httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' },
                periodSeconds: 5,
              },
              livenessProbe: {
                httpGet: { path: '/healthz', port: 'https', scheme: 'HTTPS' },
                periodSeconds: 10,
              },
              resources: {
                // ~200 MiB resident under 500 reviews/s; the old generation is capped at 192 MiB.
                requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '64Mi' },
                limits: { cpu: '1', memory: '384Mi', 'ephemeral-storage': '128Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [{ name: 'tls', mountPath: '/tls', readOnly: true }],
            },
          ],
          volumes: [{ name: 'tls', secret: { secretName: `${o.name}-tls` } }],
        },
      },
    },
  };
}
