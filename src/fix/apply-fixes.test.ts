import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../engine/rule.ts';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import {
  fixTestRules,
  netRawRule,
  nonRootRule,
  readOnlyRootRule,
} from '../../test/helpers/fix-rules.ts';
import { fixText } from './apply-fixes.ts';
import { textEditsForFinding } from './sarif-edits.ts';

function scanner(rules: readonly AnyRule[], path = 'm.yaml') {
  return (text: string) =>
    scanLoaded(loadTexts([{ path, text }], DEFAULT_LOAD_OPTIONS), {
      rules,
      settings: defaultSettings(),
    }).findings;
}

const MULTI = `# top comment
apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  hostPID: true   # host pid
  containers:
  - name: app
    image: nginx:latest # pinned later
    securityContext:
      capabilities:
        add: [NET_RAW, SYS_ADMIN, CHOWN]
---
# second document
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
  spec:
    containers:
      - name: c
        image: 'busybox:latest'
        securityContext: {privileged: true}
`;

describe('applyFixes', () => {
  it('applies only safe fixes by default, in every document and List item', () => {
    const scan = scanner(fixTestRules);
    const result = fixText(MULTI, scan(MULTI));
    expect(result.failed).toEqual([]);
    expect(result.text).toBe(
      MULTI.replace('CHOWN]\n', 'CHOWN]\n    imagePullPolicy: Always\n').replace(
        '{privileged: true}\n',
        '{privileged: true}\n        imagePullPolicy: Always\n',
      ),
    );
  });

  it('applies unsafe fixes over several passes, re-scanning between them', () => {
    const scan = scanner(fixTestRules);
    const result = fixText(MULTI, scan(MULTI), { unsafe: true, rescan: scan });
    expect(result.failed).toEqual([]);
    expect(result.text).toBe(`# top comment
apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
  - name: app
    image: nginx:latest # pinned later
    securityContext:
      capabilities:
        add: [CHOWN]
        drop:
        - ALL
      runAsNonRoot: true
      readOnlyRootFilesystem: true
    imagePullPolicy: Always
---
# second document
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
  spec:
    containers:
      - name: c
        image: 'busybox:latest'
        securityContext: {privileged: false, capabilities: {drop: [ALL]}, runAsNonRoot: true, readOnlyRootFilesystem: true}
        imagePullPolicy: Always
`);
    expect(scan(result.text).filter((f) => f.fix ?? f.suggest)).toEqual([]);
  });

  it('merges fixes that create the same parent, in a later pass', () => {
    const text =
      'kind: Pod\napiVersion: v1\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n';
    const scan = scanner([nonRootRule, readOnlyRootRule]);
    const result = fixText(text, scan(text), { unsafe: true });
    expect(result.text).toBe(
      `${text}    securityContext:\n      runAsNonRoot: true\n      readOnlyRootFilesystem: true\n`,
    );
  });

  it('drops stale sequence indices without a re-scan and fixes them with one', () => {
    const text =
      'kind: Pod\napiVersion: v1\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    securityContext:\n      capabilities:\n        add:\n        - NET_RAW\n        - SYS_ADMIN\n';
    const scan = scanner([netRawRule]);
    const once = fixText(text, scan(text), { unsafe: true });
    expect(once.failed.map((f) => f.reason)).toEqual(['stale after an earlier fix; run again']);
    expect(once.text).toContain('add:\n        - SYS_ADMIN\n');
    const rescanned = fixText(text, scan(text), { unsafe: true, rescan: scan });
    expect(rescanned.text).toContain('add: []\n');
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const text =
      '\uFEFFkind: Pod\r\napiVersion: v1\r\nmetadata: {name: p}\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: x:latest\r\n';
    const scan = scanner(fixTestRules);
    expect(fixText(text, scan(text)).text).toBe(`${text}    imagePullPolicy: Always\r\n`);
  });

  it('fixes JSON files as JSON', () => {
    const text =
      '{\n  "kind": "Pod",\n  "apiVersion": "v1",\n  "metadata": {"name": "p"},\n  "spec": {\n    "containers": [\n      {"name": "a", "image": "x:latest"}\n    ]\n  }\n}\n';
    const scan = scanner(fixTestRules, 'p.json');
    const fixed = fixText(text, scan(text), { path: 'p.json' }).text;
    expect(fixed).toBe(text.replace('"x:latest"}', '"x:latest", "imagePullPolicy": "Always"}'));
    expect(JSON.parse(fixed)).toBeTruthy();
  });

  it('gives SARIF text edits with 1-based positions', () => {
    const loaded = loadTexts([{ path: 'm.yaml', text: MULTI }], DEFAULT_LOAD_OPTIONS);
    const findings = scanLoaded(loaded, {
      rules: fixTestRules,
      settings: defaultSettings(),
    }).findings;
    const editsOf = textEditsForFinding(loaded);
    const safe = findings.filter((f) => f.fix !== undefined).map(editsOf);
    expect(safe).toEqual([
      {
        file: 'm.yaml',
        edits: [
          {
            startLine: 13,
            startColumn: 1,
            endLine: 13,
            endColumn: 1,
            insertedText: '    imagePullPolicy: Always\n',
          },
        ],
      },
      {
        file: 'm.yaml',
        edits: [
          {
            startLine: 27,
            startColumn: 1,
            endLine: 27,
            endColumn: 1,
            insertedText: '        imagePullPolicy: Always\n',
          },
        ],
      },
    ]);
    expect(findings.filter((f) => f.fix === undefined).map(editsOf)).toEqual(
      findings.filter((f) => f.fix === undefined).map(() => undefined),
    );
  });
});
