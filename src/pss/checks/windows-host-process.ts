import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField, specField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import type { Rec } from '../internal/values.ts';
import { asRecord } from '../internal/values.ts';

function hostProcess(securityContext: Rec | undefined): boolean {
  return asRecord(securityContext?.windowsOptions)?.hostProcess === true;
}

// Mirrors check_windowsHostProcess.go: windowsOptions.hostProcess must not be true.
function windowsHostProcess1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const setters: string[] = [];
  const fields: PssField[] = [];
  if (hostProcess(pod.securityContext)) {
    setters.push('pod');
    fields.push(specField('securityContext', 'windowsOptions', 'hostProcess'));
  }
  const names: string[] = [];
  for (const c of pod.containers) {
    if (!hostProcess(c.securityContext)) continue;
    names.push(c.name);
    fields.push(containerField(c, 'securityContext', 'windowsOptions', 'hostProcess'));
  }
  if (names.length > 0) setters.push(containersPhrase(names));
  if (setters.length === 0) return undefined;
  return {
    reason: 'hostProcess',
    detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
    fields,
  };
}

export const windowsHostProcessCheck: PssCheckDefinition = {
  id: 'windowsHostProcess',
  level: 'baseline',
  source: upstreamSource('check_windowsHostProcess.go'),
  versions: [{ minVersion: 0, check: windowsHostProcess1Dot0 }],
};
