import { describe, expect, it } from 'vitest';
import { policyForNamespace } from './policy-labels.ts';
import type { PssPolicy } from './policy-labels.ts';
import { parseLevel } from './level.ts';

const defaults: PssPolicy = { level: 'baseline', version: { major: 1, minor: 30 } };
const ENFORCE = 'pod-security.kubernetes.io/enforce';
const VERSION = 'pod-security.kubernetes.io/enforce-version';

describe('policyForNamespace', () => {
  it('keeps the defaults without labels', () => {
    expect(policyForNamespace(undefined, defaults)).toEqual({ ...defaults, errors: [] });
    expect(policyForNamespace({ other: 'x' }, defaults)).toEqual({ ...defaults, errors: [] });
  });

  it('reads the enforce level and version labels', () => {
    expect(policyForNamespace({ [ENFORCE]: 'restricted', [VERSION]: 'v1.25' }, defaults)).toEqual({
      level: 'restricted',
      version: { major: 1, minor: 25 },
      errors: [],
    });
  });

  it('keeps the default for the label that is absent', () => {
    expect(policyForNamespace({ [VERSION]: 'latest' }, defaults)).toEqual({
      level: 'baseline',
      version: 'latest',
      errors: [],
    });
    expect(policyForNamespace({ [ENFORCE]: 'privileged' }, defaults).version).toEqual(
      defaults.version,
    );
  });

  it('fails closed on invalid labels, with the API server error text', () => {
    expect(policyForNamespace({ [ENFORCE]: 'strict', [VERSION]: '1.25' }, defaults)).toEqual({
      level: 'restricted',
      version: 'latest',
      errors: [
        'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
        'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "1.25": must be "latest" or "v1.x"',
      ],
    });
  });

  it('reads a non-string label as its text (a YAML scalar that the API server would reject)', () => {
    const policy = policyForNamespace({ [VERSION]: 1.25 }, defaults);
    expect(policy.version).toBe('latest');
    expect(policy.errors).toHaveLength(1);
  });
});

describe('parseLevel', () => {
  it('accepts exactly the three level names', () => {
    expect(parseLevel('restricted')).toBe('restricted');
    expect(parseLevel('Restricted')).toBeUndefined();
  });
});
