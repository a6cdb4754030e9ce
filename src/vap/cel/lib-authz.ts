import type { Environment } from '@marcbachmann/cel-js';

/** The question an authorizer answers (the subset of authorizer.Attributes CEL can ask). */
export interface AuthzAttributes {
  user: string;
  groups: readonly string[];
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}

export interface AuthzDecision {
  allowed: boolean;
  reason?: string;
  error?: string;
}

/** Answers authorization checks (the webhook can back it with Kubernetes RBAC from the inventory). */
export type AuthorizeFn = (attributes: AuthzAttributes) => AuthzDecision;

/** The `authorizer` variable: who asks, and how to answer. */
export class CelAuthorizer {
  readonly user: string;
  readonly groups: readonly string[];
  readonly authorize: AuthorizeFn | undefined;
  readonly requestResource: ResourceCheck;
  constructor(
    user: string,
    groups: readonly string[],
    authorize: AuthorizeFn | undefined,
    request: Partial<AuthzAttributes> = {},
  ) {
    this.user = user;
    this.groups = groups;
    this.authorize = authorize;
    this.requestResource = new ResourceCheck(this, request);
  }
}

export class ResourceCheck {
  readonly authorizer: CelAuthorizer;
  readonly attributes: Partial<AuthzAttributes>;
  constructor(authorizer: CelAuthorizer, attributes: Partial<AuthzAttributes>) {
    this.authorizer = authorizer;
    this.attributes = attributes;
  }
  with(change: Partial<AuthzAttributes>): ResourceCheck {
    return new ResourceCheck(this.authorizer, { ...this.attributes, ...change });
  }
  check(verb: string): CelDecision {
    const { authorize, user, groups } = this.authorizer;
    if (authorize === undefined) {
      throw new Error('authorizer checks are not supported here: no authorizer is configured');
    }
    return new CelDecision(authorize({ ...this.attributes, user, groups, verb }));
  }
}

export class CelDecision {
  readonly decision: AuthzDecision;
  constructor(decision: AuthzDecision) {
    this.decision = decision;
  }
}

/** Kubernetes' authz library (k8s.io/apiserver/pkg/cel/library/authz.go), over a pluggable authorizer. */
export function registerAuthz(env: Environment): void {
  env.registerType('Authorizer', CelAuthorizer);
  env.registerType('ResourceCheck', ResourceCheck);
  env.registerType('Decision', CelDecision);
  env.registerFunction(
    'Authorizer.path(string): ResourceCheck',
    (a: CelAuthorizer, path: string) => new ResourceCheck(a, { path }),
  );
  env.registerFunction(
    'Authorizer.group(string): ResourceCheck',
    (a: CelAuthorizer, apiGroup: string) => new ResourceCheck(a, { apiGroup }),
  );
  env.registerFunction(
    'Authorizer.serviceAccount(string, string): Authorizer',
    (a: CelAuthorizer, namespace: string, name: string) =>
      new CelAuthorizer(
        `system:serviceaccount:${namespace}:${name}`,
        ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
        a.authorize,
      ),
  );
  for (const field of ['resource', 'subresource', 'namespace', 'name'] as const) {
    env.registerFunction(
      `ResourceCheck.${field}(string): ResourceCheck`,
      (c: ResourceCheck, v: string) => c.with({ [field]: v }),
    );
  }
  env.registerFunction('ResourceCheck.check(string): Decision', (c: ResourceCheck, verb: string) =>
    c.check(verb),
  );
  env.registerFunction('Decision.allowed(): bool', (d: CelDecision) => d.decision.allowed);
  env.registerFunction('Decision.reason(): string', (d: CelDecision) => d.decision.reason ?? '');
  env.registerFunction(
    'Decision.errored(): bool',
    (d: CelDecision) => d.decision.error !== undefined,
  );
  env.registerFunction('Decision.error(): string', (d: CelDecision) => d.decision.error ?? '');
}
