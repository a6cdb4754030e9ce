import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { specField } from '../internal/fields.ts';
import { joinQuote, pluralize, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import type { Rec } from '../internal/values.ts';
import { asArray, asRecord, isSet, stringOrEmpty } from '../internal/values.ts';

/** Inline volume sources restricted allows (`image` since Kubernetes 1.33, at every version). */
export const ALLOWED_VOLUME_SOURCES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** The other sources, in the order upstream's switch names a volume's type. */
export const RESTRICTED_VOLUME_SOURCES: readonly string[] = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

/**
 * The restricted source of a volume, or undefined when it is allowed. A volume with no known
 * source is allowed: the API server defaults it to emptyDir (SetDefaults_Volume) before admission.
 */
function restrictedSource(volume: Rec): string | undefined {
  for (const key of ALLOWED_VOLUME_SOURCES) if (isSet(volume[key])) return undefined;
  for (const key of RESTRICTED_VOLUME_SOURCES) if (isSet(volume[key])) return key;
  return undefined;
}

// Mirrors check_restrictedVolumes.go; replaces hostPathVolumes in restricted.
function restrictedVolumes1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const types: string[] = [];
  const fields: PssField[] = [];
  const volumes = asArray(pod.spec.volumes);
  for (let i = 0; i < volumes.length; i++) {
    const volume = asRecord(volumes[i]);
    const source = volume === undefined ? undefined : restrictedSource(volume);
    if (volume === undefined || source === undefined) continue;
    names.push(stringOrEmpty(volume.name));
    types.push(source);
    fields.push(specField('volumes', i, source));
  }
  if (names.length === 0) return undefined;
  const unique = sortedSet(types);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', unique.length)} ${joinQuote(unique)}`,
    fields,
  };
}

export const restrictedVolumesCheck: PssCheckDefinition = {
  id: 'restrictedVolumes',
  level: 'restricted',
  source: upstreamSource('check_restrictedVolumes.go'),
  versions: [{ minVersion: 0, check: restrictedVolumes1Dot0, overrides: ['hostPathVolumes'] }],
};
