// User ValidatingAdmissionPolicies in the webhook: what they see of the request.
import { describe, expect, it } from 'vitest';
import { NO_LATEST, PODS, app, pod, policyYaml, validate } from '../../test/helpers/vap-webhook.ts';

describe('ValidatingAdmissionPolicies in the webhook: the request', () => {
  it('sees oldObject on UPDATE and the request user', async () => {
    const spec = `${PODS}
validations:
  - expression: "request.operation != 'UPDATE' || object.metadata.labels == oldObject.metadata.labels"
    message: labels are immutable
  - expression: "!('contractors' in request.userInfo.groups)"
    messageExpression: "request.userInfo.username + ' may not create pods'"
    reason: Forbidden`;
    const a = await app(policyYaml('guard', spec));
    const old = pod({ metadata: { name: 'p', namespace: 'team', labels: { app: 'old' } } });
    const update = await validate(a, { operation: 'UPDATE', oldObject: old });
    expect((update.status as { message: string }).message).toMatch(/labels are immutable$/);
    expect(await validate(a, { operation: 'UPDATE', oldObject: pod() })).toMatchObject({
      allowed: true,
    });
    const bob = await validate(a, { userInfo: { username: 'bob', groups: ['contractors'] } });
    expect(bob.status).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect((bob.status as { message: string }).message).toMatch(/bob may not create pods$/);
  });

  it('matches namespaces and reads namespaceObject from the watched labels', async () => {
    const spec = `${PODS}
  namespaceSelector: { matchLabels: { env: prod } }
validations:
  - expression: "namespaceObject.metadata.labels['tier'] == 'gold'"
    messageExpression: "'namespace ' + namespaceObject.metadata.name + ' is not gold'"`;
    const prod = { team: { env: 'prod', tier: 'silver', 'kubernetes.io/metadata.name': 'team' } };
    const a = await app(policyYaml('gold', spec), { labels: prod });
    const res = await validate(a, {});
    expect((res.status as { message: string }).message).toMatch(/namespace team is not gold$/);
    // Unknown to the watch: the namespace has only its name label, so the selector does not match.
    const unwatched = await app(policyYaml('gold', spec));
    expect(await validate(unwatched, {})).toMatchObject({ allowed: true });
  });

  it('evaluates the operations a policy matches, DELETE included, but not on /mutate', async () => {
    const spec = `${PODS}
validations:
  - expression: "request.operation != 'DELETE' || !has(oldObject.metadata.labels) || oldObject.metadata.labels['app'] != 'web'"
    message: web pods are not deleted by hand`;
    const a = await app(policyYaml('keep-web', spec));
    const del = { operation: 'DELETE', object: null, oldObject: pod() };
    const res = await validate(a, del);
    expect(res).toMatchObject({ allowed: false, auditAnnotations: { decision: 'deny' } });
    expect(await validate(a, del, '/mutate')).toMatchObject({ allowed: true });
  });

  it('uses params from the policy files and follows failurePolicy on errors', async () => {
    const params = `apiVersion: v1
kind: ConfigMap
metadata: { name: limits, namespace: team }
data: { max: '2' }
---
`;
    const spec = `paramKind: { apiVersion: v1, kind: ConfigMap }
failurePolicy: Ignore
${PODS}
validations:
  - expression: "size(object.spec.containers) <= int(params.data.max)"
    messageExpression: "'at most ' + params.data.max + ' containers'"
  - expression: "object.spec.missing.field == 1"`;
    const a = await app(
      params +
        policyYaml(
          'limits',
          spec,
          'paramRef: { name: limits, parameterNotFoundAction: Deny }\nvalidationActions: [Deny]',
        ),
    );
    const three = { spec: { containers: ['a', 'b', 'c'].map((name) => ({ name, image: 'x:1' })) } };
    const res = await validate(a, { object: pod(three) });
    expect((res.status as { message: string }).message).toMatch(/at most 2 containers$/);
    const ok = await validate(a, {});
    expect(ok.allowed).toBe(true);
    expect((ok.auditAnnotations as Record<string, string>)['vap-ignored-errors']).toContain(
      'no such key',
    );
  });

  it('refuses policy files the API server would refuse, and names rules after built-ins apart', async () => {
    const bad = policyYaml('bad', `${PODS}\nvalidations: []`);
    await expect(app(bad)).rejects.toThrow(
      /^policy.yaml:1:1: ValidatingAdmissionPolicy\/bad: spec.validations/,
    );
    const clash = await app(policyYaml('pss-privileged', NO_LATEST));
    const res = await validate(clash, { object: pod({}, { image: 'nginx:latest' }) });
    expect(res.auditAnnotations).toMatchObject({ denied: 'vap:pss-privileged' });
    expect((res.status as { message: string }).message).toContain(
      "ValidatingAdmissionPolicy 'pss-privileged'",
    );
  });
});
