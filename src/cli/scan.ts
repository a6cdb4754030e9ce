import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { atLeast } from '../engine/finding.ts';
import type { Severity } from '../engine/finding.ts';
import { PSS_LEVELS } from '../engine/settings.ts';
import { planScan, scanWithPlan } from '../config/scan-plan.ts';
import { todayUtc } from '../suppress/suppressions.ts';
import { KubewardError } from '../engine/errors.ts';
import { loadSources, DEFAULT_LOAD_OPTIONS } from '../input/index.ts';
import { allRules } from '../rules/index.ts';
import { docsUrl } from '../rules/docs-url.ts';
import { reporters, FORMATS } from '../report/index.ts';
import type { ReportContext, ScanResult } from '../report/context.ts';
import { parseVersion } from '../pss/index.ts';
import { isPolicyObject } from '../vap/read-policy.ts';
import { intFlag, listFlag, oneOf, parse, severityFlag, sizeFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT, useColor } from './io.ts';
import { toolVersion } from './version.ts';

export const SCAN_HELP = `Usage: kubeward scan [PATH...] [options]

Scans Kubernetes manifests: files, directories (recursive: .yaml, .yml, .json) and - for stdin.

Options:
  -f, --format FORMAT        ${FORMATS.join(' | ')} (default: text)
  -o, --output FILE          write the report to FILE instead of standard output
      --severity SEVERITY    report only findings at or above SEVERITY (default: info)
      --fail-on SEVERITY     exit 1 when a finding is at or above SEVERITY, or none (default: high)
      --rules LIST           run only these rules: ids, globs (pss-*) or category:NAME; repeatable
      --exclude-rules LIST   do not run these rules; repeatable
      --pss-level LEVEL      Pod Security level for namespaces without PSA labels (default: restricted)
      --pss-version VERSION  Pod Security version, v1.0 … v1.37 or latest (default: latest)
      --config FILE          config file (default: .kubeward.yaml found upward from the first path)
      --baseline FILE        suppress findings already in FILE, a saved --format json report
      --no-annotation-suppressions  do not honour kubeward.io/ignore annotations
      --policy PATH          apply ValidatingAdmissionPolicies (with bindings, params) from PATH; repeatable
      --policies-from-input  also apply ValidatingAdmissionPolicies found in the scanned input
      --max-file-size SIZE   skip larger files with a diagnostic (default: 32MiB)
      --max-depth N          deepest YAML nesting accepted (default: 200)
      --no-color             never colour the text report
      --verbose              print stack traces of internal errors
  -h, --help                 show this help

Exit codes: 0 no finding at or above --fail-on, 1 at least one (or input that could not be
read), 2 usage or tool error.
`;

const FAIL_ON = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;

export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    severity: { type: 'string' },
    'fail-on': { type: 'string' },
    rules: { type: 'string', multiple: true },
    'exclude-rules': { type: 'string', multiple: true },
    'pss-level': { type: 'string' },
    'pss-version': { type: 'string' },
    config: { type: 'string' },
    baseline: { type: 'string' },
    'no-annotation-suppressions': { type: 'boolean' },
    policy: { type: 'string', multiple: true },
    'policies-from-input': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    'max-depth': { type: 'string' },
    'no-color': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(SCAN_HELP);
    return EXIT.ok;
  }
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const pssVersion = values['pss-version'];
  if (pssVersion !== undefined && parseVersion(pssVersion) === undefined) {
    throw new KubewardError(
      'E_USAGE',
      `--pss-version must be v1.0 … v1.37 or latest; got "${pssVersion}"`,
    );
  }
  // Flags win over the config file, which wins over the defaults.
  const plan = planScan(
    allRules,
    positionals,
    {
      ...(values.config === undefined ? {} : { config: values.config }),
      rules: listFlag(values.rules),
      excludeRules: listFlag(values['exclude-rules']),
      ...(values['pss-level'] === undefined
        ? {}
        : { pssLevel: oneOf(values['pss-level'], PSS_LEVELS, '--pss-level', 'restricted') }),
      ...(pssVersion === undefined ? {} : { pssVersion }),
      minSeverity: severityFlag(values.severity, '--severity', 'info'),
      ...(values['fail-on'] === undefined
        ? {}
        : { failOn: oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'high') }),
      ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
      refuseAnnotations: values['no-annotation-suppressions'] === true,
    },
    { cwd: io.cwd, today: todayUtc(io.env) },
  );
  const { rules, failOn } = plan;
  const loaded = await loadSources(positionals.length === 0 ? ['.'] : positionals, {
    ...DEFAULT_LOAD_OPTIONS,
    cwd: io.cwd,
    maxFileSize: sizeFlag(
      values['max-file-size'],
      '--max-file-size',
      DEFAULT_LOAD_OPTIONS.maxFileSize,
    ),
    maxDepth: intFlag(values['max-depth'], '--max-depth', DEFAULT_LOAD_OPTIONS.maxDepth),
    readStdin: () => io.readStdin(),
  });
  // User policies (ValidatingAdmissionPolicy) become rules of their own: see docs/policies.md.
  // The CEL engine loads only when there are policies to read or to mention.
  const policyPaths = values.policy ?? [];
  const policiesFromInput = values['policies-from-input'] === true;
  const vap =
    policyPaths.length > 0 ||
    policiesFromInput ||
    loaded.objects.some((item) => isPolicyObject(item.object))
      ? await (
          await import('../vap/load-policies.ts')
        ).loadPolicyRules(
          policyPaths,
          policiesFromInput,
          loaded,
          { ...DEFAULT_LOAD_OPTIONS, cwd: io.cwd },
          { reservedIds: new Set(allRules.map((rule) => rule.id)) },
        )
      : { rules: [], diagnostics: [] };
  rules.push(...vap.rules);
  const result = scanWithPlan(
    { ...loaded, diagnostics: [...loaded.diagnostics, ...vap.diagnostics] },
    plan,
  );
  const ctx: ReportContext = {
    color:
      values.output === undefined &&
      format === 'text' &&
      useColor(io, values['no-color'] === true ? false : undefined),
    cwd: io.cwd,
    rules: rules.map((rule) => ({ id: rule.id, meta: rule.meta, helpUri: docsUrl(rule.id) })),
    toolVersion: toolVersion(),
    failOn: failOn === 'none' ? 'critical' : failOn,
    // Only SARIF carries fixes as text edits; the edit engine loads for it alone.
    fixes:
      format === 'sarif'
        ? (await import('../fix/sarif-edits.ts')).textEditsForFinding(loaded)
        : undefined,
  };
  const report = reporters[format](result, ctx);
  if (values.output === undefined) io.stdout(report);
  else writeFileSync(path.resolve(io.cwd, values.output), report);
  return exitCodeFor(result, failOn === 'none' ? undefined : failOn);
}

/**
 * 1 when a finding reaches the threshold, or when some input could not be checked at all (an
 * error diagnostic: a gate must not pass a manifest it could not read); `--fail-on none` never fails.
 */
export function exitCodeFor(result: ScanResult, failOn: Severity | undefined): number {
  if (failOn === undefined) return EXIT.ok;
  if (result.findings.some((f) => atLeast(f.severity, failOn))) return EXIT.findings;
  if (result.diagnostics.some((d) => d.level === 'error')) return EXIT.findings;
  return EXIT.ok;
}
