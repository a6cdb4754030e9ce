import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { hostPidRule, privilegedRule } from '../../test/helpers/fix-rules.ts';
import { parseIgnoreAnnotation } from './annotations.ts';
import { createSuppressions } from './suppressions.ts';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubeward.io/ignore.proxy: "t-privileged: the mesh proxy needs it"
spec:
  template:
    metadata:
      annotations:
        kubeward.io/ignore: "t-host-*, other-rule: node exporter reads host processes"
    spec:
      hostPID: true
      containers:
      - name: app
        securityContext: {privileged: true}
      - name: proxy
        securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    kubeward.io/ignore: t-privileged
    kubeward.io/ignore.shell: "t-host-pid:  "
spec:
  hostPID: true
  containers:
  - name: shell
    securityContext: {privileged: true}
`;

function run(annotations: boolean) {
  const loaded = loadTexts([{ path: 'm.yaml', text: MANIFESTS }], DEFAULT_LOAD_OPTIONS);
  const suppressions = createSuppressions({ ignore: [], annotations, today: '2026-01-01' });
  const result = scanLoaded(loaded, {
    rules: [hostPidRule, privilegedRule],
    settings: defaultSettings({ annotationSuppressions: annotations }),
    suppressors: suppressions.suppressors,
  });
  const name = (f: (typeof result.findings)[number]) =>
    `${f.ruleId} ${f.object.name} ${f.location?.line ?? 0}`;
  return {
    reported: result.findings.map(name),
    suppressed: result.suppressed.map((f) => [name(f), f.suppressions]),
    diagnostics: suppressions.diagnostics(loaded),
  };
}

describe('ignore annotations', () => {
  it('parses rules and a required reason', () => {
    expect(parseIgnoreAnnotation('a, b-*: legacy, see JIRA-1')).toEqual({
      rules: ['a', 'b-*'],
      reason: 'legacy, see JIRA-1',
    });
    expect(parseIgnoreAnnotation('a')).toEqual({
      error: 'no reason: write "RULE-ID[,RULE-ID]: reason"',
    });
    expect(parseIgnoreAnnotation(': why')).toEqual({ error: 'no rule id before ":"' });
  });

  it('suppress per object (pod template included) and per container', () => {
    const result = run(true);
    expect(result.suppressed).toEqual([
      ['t-host-pid web 13', [{ kind: 'annotation', reason: 'node exporter reads host processes' }]],
      ['t-privileged web 18', [{ kind: 'annotation', reason: 'the mesh proxy needs it' }]],
    ]);
    expect(result.reported).toEqual([
      't-privileged web 16',
      't-host-pid debug 28',
      't-privileged debug 31',
    ]);
  });

  it('warn about annotations without a reason and do not honour them', () => {
    expect(run(true).diagnostics).toEqual([
      {
        code: 'W_IGNORE_ANNOTATION_INVALID',
        level: 'warning',
        message:
          'annotation kubeward.io/ignore on Pod/debug is not honoured: no reason: write "RULE-ID[,RULE-ID]: reason"',
        file: 'm.yaml',
        line: 25,
        column: 25,
      },
      {
        code: 'W_IGNORE_ANNOTATION_INVALID',
        level: 'warning',
        message:
          'annotation kubeward.io/ignore.shell on Pod/debug is not honoured: the reason after ":" is empty',
        file: 'm.yaml',
        line: 26,
        column: 31,
      },
    ]);
  });

  it('are refused with --no-annotation-suppressions', () => {
    const result = run(false);
    expect(result.suppressed).toEqual([]);
    expect(result.reported).toHaveLength(5);
    expect(result.diagnostics).toEqual([]);
  });
});
