import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-create-pods',
  capability: CAPABILITIES.createPods,
  severities: { cluster: 'critical', privileged: 'high' },
  title: 'Roles do not let subjects create or change workloads in privileged namespaces',
  description:
    'Whoever can create a pod, or a Deployment, DaemonSet, StatefulSet, Job or CronJob that makes one, can run it as any service account of the namespace and mount any of its Secrets; in kube-system, or a namespace whose Pod Security level is `privileged`, that pod can also own its node. Only cluster-wide grants and grants in privileged namespaces are reported.',
  remediation:
    'Deploy to privileged namespaces through a reviewed pipeline; give people and controllers workload rights only in ordinary namespaces with Pod Security enforced.',
  peers: { kubescape: ['C-0188'], trivy: ['KSV048'] },
});
