import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { specField } from '../internal/fields.ts';
import { joinQuote, pluralize } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import { asArray, asRecord, isSet, stringOrEmpty } from '../internal/values.ts';

// Mirrors check_hostPathVolumes.go: no volume may use hostPath.
function hostPathVolumes1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const fields: PssField[] = [];
  const volumes = asArray(pod.spec.volumes);
  for (let i = 0; i < volumes.length; i++) {
    const volume = asRecord(volumes[i]);
    if (volume === undefined || !isSet(volume.hostPath)) continue;
    names.push(stringOrEmpty(volume.name));
    fields.push(specField('volumes', i, 'hostPath'));
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`,
    fields,
  };
}

export const hostPathVolumesCheck: PssCheckDefinition = {
  id: 'hostPathVolumes',
  level: 'baseline',
  source: upstreamSource('check_hostPathVolumes.go'),
  versions: [{ minVersion: 0, check: hostPathVolumes1Dot0 }],
};
