// User ValidatingAdmissionPolicies in the webhook: decisions, worded as the API server words them.
import { describe, expect, it } from 'vitest';
import { NO_LATEST, app, pod, policyYaml, validate } from '../../test/helpers/vap-webhook.ts';

describe('ValidatingAdmissionPolicies in the webhook', () => {
  it('denies as the API server words it, with the reason and code of the validation', async () => {
    const a = await app(policyYaml('no-latest', NO_LATEST));
    expect(await validate(a, {})).toMatchObject({ allowed: true });
    const denied = await validate(a, { object: pod({}, { image: 'nginx:latest' }) });
    expect(denied).toMatchObject({
      allowed: false,
      status: {
        code: 422,
        reason: 'Invalid',
        message:
          "ValidatingAdmissionPolicy 'no-latest' with binding 'no-latest-binding' denied request: latest tag: app",
      },
      auditAnnotations: { decision: 'deny', denied: 'no-latest' },
    });
    const metrics = await a.metrics.registry.metrics();
    expect(metrics).toContain(
      'kubeward_admission_findings_total{rule="no-latest",action="deny"} 1',
    );
  });

  it('turns Warn into warnings and Audit into audit annotations', async () => {
    const spec = `${NO_LATEST}
auditAnnotations:
  - key: images
    valueExpression: "object.spec.containers.map(c, c.image).join(',')"`;
    const warn = await app(policyYaml('no-latest', spec, 'validationActions: [Warn, Audit]'));
    const res = await validate(warn, { object: pod({}, { image: 'nginx:latest' }) });
    expect(res.allowed).toBe(true);
    expect(res.warnings).toEqual([
      "Validation failed for ValidatingAdmissionPolicy 'no-latest' with binding 'no-latest-binding': latest tag: app",
    ]);
    const annotations = res.auditAnnotations as Record<string, string>;
    expect(JSON.parse(annotations['vap-validation-failure'] ?? '')).toEqual([
      {
        message: 'latest tag: app',
        policy: 'no-latest',
        binding: 'no-latest-binding',
        expressionIndex: 0,
        validationActions: ['Warn', 'Audit'],
      },
    ]);
    expect(JSON.parse(annotations['vap-annotations'] ?? '')).toEqual({
      'no-latest/images': 'nginx:latest',
    });
  });

  it('merges with the rules: policy denials first, then the Kubeward message', async () => {
    const a = await app(policyYaml('no-latest', NO_LATEST, 'validationActions: [Deny]'), {
      rules: true,
    });
    const res = await validate(a, {
      object: pod({}, { image: 'nginx:latest', securityContext: { privileged: true } }),
    });
    const status = res.status as { code: number; message: string };
    const [first, ...rest] = status.message.split('\n');
    expect(first).toMatch(/^ValidatingAdmissionPolicy 'no-latest' .* denied request: latest tag/);
    expect(rest.join('\n')).toContain('Kubeward denied Pod/team/p');
    expect(rest.join('\n')).toContain('pss-privileged (critical)');
    expect(status.code).toBe(422);
    expect((res.auditAnnotations as Record<string, string>).denied).toContain('pss-privileged');
  });
});
