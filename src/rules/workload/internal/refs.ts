/** Reference URLs shared by the workload rules. */
export const REF = {
  securityContext: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  pss: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  kernelConstraints:
    'https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/',
  appChecklist: 'https://kubernetes.io/docs/concepts/security/application-security-checklist/',
  cis: 'https://www.cisecurity.org/benchmark/kubernetes',
  nsa: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
  resources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  limitRange: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  probes:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  images: 'https://kubernetes.io/docs/concepts/containers/images/',
  configOverview: 'https://kubernetes.io/docs/concepts/configuration/overview/',
  serviceAccounts: 'https://kubernetes.io/docs/concepts/security/service-accounts/',
  configureServiceAccount:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
  namespaces: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
  pdb: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
  disruptions: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
  deployment: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/',
  hostPath: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  sysctls: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  seccomp: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  appArmor: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  shareProcess: 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/',
  hostAliases: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
  hostProcess: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
  userNamespaces: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/',
} as const;
