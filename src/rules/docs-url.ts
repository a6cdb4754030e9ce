/** Where each rule's documentation page is published (the same file as `docs/rules/<id>.md`). */
export const DOCS_BASE_URL = 'https://github.com/kubeward/kubeward/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Path of a rule's doc inside the package. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
