import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { planScan } from '../config/scan-plan.ts';
import { KubewardError } from '../engine/errors.ts';
import type { Finding } from '../engine/finding.ts';
import { scanLoaded } from '../engine/scan.ts';
import { PSS_LEVELS } from '../engine/settings.ts';
import { fixSources } from '../fix/index.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources, loadTexts } from '../input/index.ts';
import { parseVersion } from '../pss/version.ts';
import { allRules } from '../rules/index.ts';
import { todayUtc } from '../suppress/suppressions.ts';
import { listFlag, oneOf, parse } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

export const FIX_HELP = `Usage: kubeward fix [PATH...] [options]

Applies the fixes of findings to manifests in place, as text edits: comments, key order, quoting
and indentation of the lines it does not change stay byte for byte. Without --unsafe, only fixes
that do not change what runs are applied. Suppressed findings (ignore file, annotations) are not
fixed. Fixes that overlap are applied over several passes, re-scanning in between (10 at most).

Options:
      --dry-run              print a unified diff of the changes and change nothing
      --rule ID              fix only findings of these rules: ids, globs or category:NAME; repeatable
      --unsafe               also apply fixes that change behaviour (each is listed on stderr)
      --config FILE          config file (default: .kubeward.yaml found upward from the first path)
      --pss-level LEVEL      Pod Security level for namespaces without PSA labels (default: restricted)
      --pss-version VERSION  Pod Security version, v1.0 … v1.37 or latest (default: latest)
      --no-annotation-suppressions  fix findings that kubeward.io/ignore annotations suppress
  -h, --help                 show this help

With - as the only PATH, reads standard input and prints the fixed text (or the diff) to
standard output instead of writing files.

Exit codes: 0 every fix was applied (or there was nothing to fix), 1 some fix could not be
applied or some input could not be read, 2 usage or tool error.
`;

function where(finding: Finding): string {
  const at = finding.location;
  return at === undefined ? '' : `${at.file}:${at.line}:${at.column}: `;
}

function writeBack(file: string, text: string, cwd: string): void {
  const absolute = path.resolve(cwd, file);
  // The loader drops a UTF-8 byte-order mark; keep the file's.
  const bom = readFileSync(absolute)
    .subarray(0, 3)
    .equals(Buffer.from([0xef, 0xbb, 0xbf]));
  writeFileSync(absolute, bom ? `\uFEFF${text}` : text);
}

export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    'dry-run': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    unsafe: { type: 'boolean' },
    config: { type: 'string' },
    'pss-level': { type: 'string' },
    'pss-version': { type: 'string' },
    'no-annotation-suppressions': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(FIX_HELP);
    return EXIT.ok;
  }
  const targets = positionals.length === 0 ? ['.'] : positionals;
  const stdin = targets.includes('-');
  if (stdin && targets.length > 1) {
    throw new KubewardError(
      'E_USAGE',
      'fix takes - (standard input) alone: its fixed text goes to standard output',
    );
  }
  const pssVersion = values['pss-version'];
  if (pssVersion !== undefined && parseVersion(pssVersion) === undefined) {
    throw new KubewardError(
      'E_USAGE',
      `--pss-version must be v1.0 … v1.37 or latest; got "${pssVersion}"`,
    );
  }
  const plan = planScan(
    allRules,
    targets,
    {
      ...(values.config === undefined ? {} : { config: values.config }),
      rules: listFlag(values.rule),
      ...(values['pss-level'] === undefined
        ? {}
        : { pssLevel: oneOf(values['pss-level'], PSS_LEVELS, '--pss-level', 'restricted') }),
      ...(pssVersion === undefined ? {} : { pssVersion }),
      refuseAnnotations: values['no-annotation-suppressions'] === true,
    },
    { cwd: io.cwd, today: todayUtc(io.env) },
  );
  const loaded = await loadSources(targets, {
    ...DEFAULT_LOAD_OPTIONS,
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
  });
  const unreadable = loaded.diagnostics.filter((d) => d.level === 'error');
  const broken = new Set(unreadable.filter((d) => d.code === 'E_INVALID_UTF8').map((d) => d.file));
  const unsafe = values.unsafe === true;
  // Every copy of an object that several files hold is a copy to fix.
  const settings = { ...plan.settings, reportEveryCopy: true };
  const outcome = fixSources(loaded, {
    unsafe,
    scan: (l) =>
      scanLoaded(l, { rules: plan.rules, settings, suppressors: plan.suppressions.suppressors })
        .findings,
    reload: (files) => loadTexts(files, DEFAULT_LOAD_OPTIONS),
    writable: (file) => !broken.has(file),
  });
  const dryRun = values['dry-run'] === true;
  const changed = [...outcome.files].filter(([, f]) => f.before !== f.after);
  for (const [file, { before, after }] of changed) {
    if (dryRun) {
      io.stdout(
        createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
          headerOptions: FILE_HEADERS_ONLY,
        }),
      );
    } else if (!stdin) {
      writeBack(file, after, io.cwd);
    }
  }
  if (stdin && !dryRun) io.stdout(outcome.files.get('<stdin>')?.after ?? '');
  for (const d of unreadable)
    io.stderr(`${d.file ?? ''}:${d.line ?? 1}:${d.column ?? 1}: ${d.message} (${d.code})\n`);
  for (const fix of outcome.applied.filter((f) => f.unsafe)) {
    io.stderr(
      `${where(fix.finding)}unsafe fix applied: ${fix.finding.ruleId}: ${fix.finding.message}\n`,
    );
  }
  for (const { finding, reason } of outcome.failed) {
    io.stderr(`${where(finding)}not fixed: ${finding.ruleId}: ${reason}\n`);
  }
  const unsafeCount = outcome.applied.filter((f) => f.unsafe).length;
  const verb = dryRun ? 'would fix' : 'fixed';
  io.stderr(
    `${verb} ${outcome.applied.length} finding(s)${unsafeCount > 0 ? ` (${unsafeCount} unsafe)` : ''} in ${changed.length} file(s)` +
      `${outcome.failed.length > 0 ? `; ${outcome.failed.length} not fixed` : ''}\n`,
  );
  return outcome.failed.length > 0 || unreadable.length > 0 ? EXIT.findings : EXIT.ok;
}
