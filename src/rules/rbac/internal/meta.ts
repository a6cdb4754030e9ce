/** Every RBAC rule looks at the four RBAC kinds only. */
export const RBAC_KINDS = [
  'rbac.authorization.k8s.io/Role',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/RoleBinding',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
] as const;

export const RBAC_GOOD_PRACTICES =
  'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
export const RBAC_DOCS = 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/';

/** References every RBAC rule carries. */
export const RBAC_REFERENCES = [RBAC_GOOD_PRACTICES] as const;
