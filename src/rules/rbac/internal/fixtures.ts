// YAML builders for the RBAC rule tests: complete manifests, as the rule tester loads them.

/** A ClusterRole; `rules` is the YAML of the rules list, indented by two spaces. */
export function clusterRoleYaml(name: string, rules: string, labels = ''): string {
  const meta = labels === '' ? '' : `\n  labels:\n${labels.replace(/^/gm, '    ')}`;
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}${meta}\nrules:\n${rules}\n`;
}

export function roleYaml(namespace: string, name: string, rules: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nrules:\n${rules}\n`;
}

/** Subjects as `Kind:name` or `ServiceAccount:ns/name`. */
function subjectsYaml(subjects: readonly string[]): string {
  return subjects
    .map((s) => {
      const [kind = '', rest = ''] = s.split(/:(.*)/s);
      if (kind !== 'ServiceAccount')
        return `  - kind: ${kind}\n    apiGroup: rbac.authorization.k8s.io\n    name: ${rest}`;
      const [ns, name] = rest.includes('/') ? rest.split('/') : [undefined, rest];
      return `  - kind: ServiceAccount\n    name: ${name}${ns === undefined ? '' : `\n    namespace: ${ns}`}`;
    })
    .join('\n');
}

export function clusterRoleBindingYaml(
  name: string,
  role: string,
  subjects: readonly string[],
): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ${name}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n${subjectsYaml(subjects)}\n`;
}

/** `roleRef` is `Role:name` or `ClusterRole:name`. */
export function roleBindingYaml(
  namespace: string,
  name: string,
  roleRef: string,
  subjects: readonly string[],
): string {
  const [kind = '', role = ''] = roleRef.split(':');
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${kind}\n  name: ${role}\nsubjects:\n${subjectsYaml(subjects)}\n`;
}

/** A one-rule rules list: `rule('get,list', '', 'secrets')`. */
export function rule(
  verbs: string,
  apiGroups: string,
  resources: string,
  resourceNames?: string,
): string {
  const list = (csv: string) =>
    `[${csv
      .split(',')
      .map((v) => JSON.stringify(v))
      .join(', ')}]`;
  const names = resourceNames === undefined ? '' : `\n    resourceNames: ${list(resourceNames)}`;
  return `  - apiGroups: ${list(apiGroups)}\n    resources: ${list(resources)}\n    verbs: ${list(verbs)}${names}`;
}

export function serviceAccountYaml(namespace: string, name: string): string {
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n`;
}

export function deploymentYaml(namespace: string, name: string, serviceAccount: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      serviceAccountName: ${serviceAccount}\n      containers:\n        - name: app\n          image: registry.example/app:1\n`;
}

/** Documents joined into one multi-document stream. */
export function docs(...documents: string[]): string {
  return documents.join('---\n');
}
