import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-seccomp-baseline',
  checkId: 'seccompProfile_baseline',
  title: 'Pods do not disable seccomp',
  description:
    'Pod Security baseline check `seccompProfile_baseline`: a seccompProfile, when set, must be RuntimeDefault or Localhost (policy v1.19+); before v1.19 the alpha seccomp annotations must be runtime/default, docker/default or localhost/*. Unconfined lets the container call every syscall. In restricted namespaces `seccompProfile_restricted` (pss-seccomp-restricted) replaces this check from v1.19.',
  severity: 'medium',
  remediation: 'Set `seccompProfile.type: RuntimeDefault` (or a Localhost profile).',
  suggest: ({ object, path, field }) => [
    setValue(object, path, field.in === 'metadata' ? 'runtime/default' : 'RuntimeDefault'),
  ],
});
