import { definePssRule } from './internal/define-pss-rule.ts';

export default definePssRule({
  id: 'pss-run-as-user',
  checkId: 'runAsUser',
  title: 'Containers do not run as UID 0',
  description:
    'Pod Security restricted check `runAsUser` (policy v1.23+): neither the pod nor a container may set `runAsUser: 0`. From policy v1.35 user-namespace pods (`hostUsers: false`) are exempt.',
  severity: 'medium',
  remediation: 'Set `runAsUser` to a non-zero UID the image supports, or remove it.',
});
