import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { PathSegment } from '../engine/finding.ts';
import type { KubeObject } from './kube-object.ts';
import { isRecord } from './kube-object.ts';
import { groupKindOf } from './kinds.ts';

/** The pod spec a workload runs, where it sits in the object, and the pod's metadata. */
export interface PodSpecRef {
  spec: PodSpec;
  /** Metadata of the pods: the Pod's own, or the template's (empty when the template has none). */
  metadata: ObjectMeta;
  /** Path of `spec` inside the object. */
  path: readonly PathSegment[];
  /** Path of the pod metadata inside the object (it may not exist). */
  metadataPath: readonly PathSegment[];
}

/**
 * Where each workload kind keeps its pod template, as a path to the template (the object holding
 * `metadata` and `spec`). `[]` means the object is the pod itself.
 */
const TEMPLATE_PATHS: Readonly<Record<string, readonly PathSegment[]>> = {
  Pod: [],
  PodTemplate: ['template'],
  ReplicationController: ['spec', 'template'],
  'apps/Deployment': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
  // Well-known CRDs that embed a PodTemplateSpec.
  'argoproj.io/Rollout': ['spec', 'template'],
  'apps.kruise.io/CloneSet': ['spec', 'template'],
  'apps.kruise.io/Advanced DaemonSet': ['spec', 'template'],
  'serving.knative.dev/Service': ['spec', 'template'],
  'serving.knative.dev/Configuration': ['spec', 'template'],
  'keda.sh/ScaledJob': ['spec', 'jobTargetRef', 'template'],
};

/** Group/kinds whose objects run pods, for rules and indexes that only care about workloads. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(Object.keys(TEMPLATE_PATHS));

function get(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

// Every rule family asks for the same objects' pod specs (a scan made ~30,000 of these answers for
// ~1,000 workloads): each object's answer is kept, and reused while its template and spec are the
// same objects, so that an object changed in place is read again.
const answers = new WeakMap<
  KubeObject,
  {
    answer: PodSpecRef;
    templatePath: readonly PathSegment[];
    spec: unknown;
    templateMetadata: ObjectMeta | undefined;
  }
>();

/**
 * The pod spec of any workload kind, or undefined when the object runs no pods (or has no usable
 * spec, e.g. an Argo Rollout that points at a Deployment through `workloadRef`).
 * @example podSpecOf(deployment)?.path // ['spec', 'template', 'spec']
 */
export function podSpecOf(object: KubeObject): PodSpecRef | undefined {
  const known = answers.get(object);
  const templatePath =
    known === undefined ? TEMPLATE_PATHS[groupKindOf(object)] : known.templatePath;
  if (templatePath === undefined) return undefined;
  const template = get(object, templatePath);
  if (!isRecord(template)) return undefined;
  const spec = template.spec;
  if (!isRecord(spec)) return undefined;
  const metadata = isRecord(template.metadata) ? (template.metadata as ObjectMeta) : undefined;
  if (known?.spec === spec && known.templateMetadata === metadata) return known.answer;
  const answer: PodSpecRef = {
    spec: spec as unknown as PodSpec,
    metadata: metadata ?? {},
    path: [...templatePath, 'spec'],
    metadataPath: [...templatePath, 'metadata'],
  };
  answers.set(object, { answer, templatePath, spec, templateMetadata: metadata });
  return answer;
}
