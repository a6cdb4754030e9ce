/** References shared by the secrets rules. */
export const SECRETS_GOOD_PRACTICES =
  'https://kubernetes.io/docs/concepts/security/secrets-good-practices/';
export const SECRETS_CONCEPT = 'https://kubernetes.io/docs/concepts/configuration/secret/';
export const OWASP_K08 =
  'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K08-secrets-management';
