// Test data for the reporters' golden tests (not shipped: the build excludes `__fixtures__`).
import type { Finding, Severity } from '../../engine/finding.ts';
import type { ReportContext, RuleDescriptor, ScanResult } from '../context.ts';

export const CWD = '/work/project';

function rule(
  id: string,
  severity: Severity,
  category: string,
  title: string,
  exact = false,
): RuleDescriptor {
  return {
    id,
    helpUri: `https://kubeward.example/rules/${id}`,
    meta: {
      title,
      description: `${title}. Checked because it matters for ${category}.`,
      severity,
      category,
      messages: { default: title },
      references: [`https://kubernetes.example/docs/${category}`],
      remediation: `Change the manifest so that: ${title.toLowerCase()}.`,
      ...(exact ? { exact } : {}),
    },
  };
}

export const RULES: RuleDescriptor[] = [
  rule(
    'container-privileged',
    'critical',
    'pod-security',
    'Containers do not run privileged',
    true,
  ),
  rule('rbac-wildcard-verbs', 'high', 'rbac', 'Roles do not grant every verb'),
  rule('image-tag-latest', 'medium', 'workload', 'Images are pinned to a tag or digest'),
  rule('run-as-non-root', 'low', 'pod-security', 'Containers run as a non-root user'),
  rule(
    'automount-service-account-token',
    'info',
    'workload',
    'Service account tokens are not mounted',
  ),
  rule('liveness-probe-missing', 'low', 'reliability', 'Containers have a liveness probe'),
];

const WEB = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web' };
const DEBUG = { apiVersion: 'v1', kind: 'Pod', namespace: 'prod', name: 'debug' };
const REPORT = { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'batch', name: 'report' };
const OPS = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'ops-admin' };
const PODSPEC = ['spec', 'template', 'spec'];
const JOBSPEC = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];

function finding(
  ruleId: string,
  severity: Severity,
  object: Finding['object'],
  path: Finding['path'],
  message: string,
  at?: [
    file: string,
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
    exact?: boolean,
  ],
  extra: Partial<Finding> = {},
): Finding {
  const r = RULES.find((x) => x.id === ruleId);
  return {
    ruleId,
    severity,
    category: r?.meta.category ?? 'workload',
    title: r?.meta.title ?? ruleId,
    object,
    path,
    message,
    ...(at && {
      location: {
        file: at[0],
        line: at[1],
        column: at[2],
        endLine: at[3],
        endColumn: at[4],
        exact: at[5] ?? true,
      },
    }),
    references: r?.meta.references ? [...r.meta.references] : [],
    fingerprint: `${ruleId}:${object.kind}/${object.namespace ?? ''}/${object.name}:${path.join('.')}`,
    ...extra,
  };
}

const ROOT_MESSAGE =
  'Container "report" runs as root; its command is "sh -c \'backup && rm -rf /tmp/<x>\'".\nSet runAsNonRoot.';

/** Engine-sorted (file, line, column, rule): a relative and an absolute file, then a cluster object. */
export const FINDINGS: Finding[] = [
  finding(
    'run-as-non-root',
    'low',
    REPORT,
    [...JOBSPEC, 'containers', 0],
    ROOT_MESSAGE,
    ['deploy/jobs.yaml', 9, 11, 9, 17, false],
    {
      suggest: [
        {
          op: 'add',
          path: [...JOBSPEC, 'containers', 0, 'securityContext', 'runAsNonRoot'],
          value: true,
        },
      ],
    },
  ),
  finding(
    'automount-service-account-token',
    'info',
    WEB,
    PODSPEC,
    'Pod template of "web" mounts a service account token it does not declare a need for.',
    [`${CWD}/deploy/web.yaml`, 7, 3, 7, 7, false],
  ),
  finding(
    'image-tag-latest',
    'medium',
    WEB,
    [...PODSPEC, 'containers', 0, 'image'],
    'Image "nginx:latest" uses the mutable tag "latest".',
    [`${CWD}/deploy/web.yaml`, 18, 18, 18, 30],
  ),
  finding(
    'container-privileged',
    'critical',
    WEB,
    [...PODSPEC, 'containers', 0, 'securityContext', 'privileged'],
    'Container "web" runs privileged.',
    [`${CWD}/deploy/web.yaml`, 21, 25, 21, 29],
    {
      fix: [
        {
          op: 'replace',
          path: [...PODSPEC, 'containers', 0, 'securityContext', 'privileged'],
          value: false,
        },
      ],
    },
  ),
  finding(
    'image-tag-latest',
    'medium',
    DEBUG,
    ['spec', 'containers', 1, 'image'],
    'Image "busybox" has no tag, so it means "latest".',
    [`${CWD}/deploy/web.yaml`, 40, 16, 40, 23],
  ),
  finding(
    'rbac-wildcard-verbs',
    'high',
    OPS,
    ['rules', 0, 'verbs'],
    'ClusterRole "ops-admin" grants every verb ("*") on secrets.',
    undefined,
    {
      evidence: { verbs: ['*'], resources: ['secrets'] },
    },
  ),
];

export const SUPPRESSED: Finding[] = [
  finding(
    'image-tag-latest',
    'medium',
    REPORT,
    [...JOBSPEC, 'containers', 0, 'image'],
    'Image "backup:latest" uses the mutable tag "latest".',
    ['deploy/jobs.yaml', 10, 18, 10, 31],
    {
      suppressions: [
        {
          kind: 'ignoreFile',
          reason: 'Pinned by digest in the prod overlay',
          expires: '2030-01-01',
        },
      ],
    },
  ),
  finding(
    'run-as-non-root',
    'low',
    WEB,
    [...PODSPEC, 'containers', 0],
    'Container "web" may run as root.',
    [`${CWD}/deploy/web.yaml`, 19, 9, 19, 13, false],
    {
      suppressions: [{ kind: 'annotation', reason: 'Binds :80 until <#123> & friends land' }],
    },
  ),
];

export const RESULT: ScanResult = {
  findings: FINDINGS,
  suppressed: SUPPRESSED,
  diagnostics: [
    {
      code: 'E_YAML_SYNTAX',
      level: 'error',
      message: 'Unexpected flow-map end "}"',
      file: `${CWD}/deploy/broken.yaml`,
      line: 3,
      column: 7,
      endLine: 3,
      endColumn: 8,
    },
    {
      code: 'W_UNKNOWN_KIND',
      level: 'warning',
      message: 'Unknown kind "example.com/v1/Widget"; no rules apply.',
      file: 'deploy/crd.yaml',
      line: 1,
      column: 1,
    },
    {
      code: 'I_NOT_A_MANIFEST',
      level: 'info',
      message: 'Not a Kubernetes manifest; skipped.',
      file: 'README.md',
    },
    {
      code: 'E_RULE_CRASH',
      level: 'error',
      message: 'Rule failed on document 2: TypeError: x is undefined',
      file: `${CWD}/deploy/web.yaml`,
      ruleId: 'image-tag-latest',
    },
  ],
  stats: { files: 4, objects: 6 },
};

export const EMPTY: ScanResult = {
  findings: [],
  suppressed: [],
  diagnostics: [],
  stats: { files: 0, objects: 0 },
};

export function context(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    color: false,
    cwd: CWD,
    rules: RULES,
    toolVersion: '0.1.0',
    failOn: 'high',
    ...overrides,
  };
}
