import { fileURLToPath } from 'node:url';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources, loadTexts } from '../src/input/index.ts';
import { Inventory } from '../src/model/inventory.ts';
import type { NetpolModel, Protocol } from '../src/netpol/index.ts';
import {
  connectionList,
  explainReach,
  formatConnections,
  netpolModel,
  resolveEndpoint,
  verdictAllows,
} from '../src/netpol/index.ts';
import { networkRules } from '../src/rules/network/index.ts';

// Real published policies (../shared/corpus/real, read in place) with their answers pinned.
export const REAL = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));

export async function load(...paths: string[]) {
  return loadSources(paths, { ...DEFAULT_LOAD_OPTIONS, cwd: REAL });
}

export async function model(...paths: string[]): Promise<NetpolModel> {
  const loaded = await load(...paths);
  return netpolModel(new Inventory(loaded.objects));
}

export function conns(m: NetpolModel): Map<string, string> {
  return new Map(
    connectionList(m).map((c) => [`${c.srcName} => ${c.dstName}`, formatConnections(c.conns)]),
  );
}

export function sources(map: Map<string, string>, dst: string): string[] {
  return [...map.keys()]
    .filter((k) => k.endsWith(` => ${dst}`))
    .map((k) => k.split(' => ')[0] ?? '');
}

export function reach(m: NetpolModel, from: string, to: string, port?: string): boolean {
  const endpoint = (text: string) => {
    const found = resolveEndpoint(m, text);
    if (typeof found === 'string') throw new Error(found);
    return found;
  };
  const [number, protocol = 'TCP'] = port?.split('/') ?? [];
  const query =
    number === undefined ? undefined : { port: Number(number), protocol: protocol as Protocol };
  return explainReach(m, endpoint(from), endpoint(to)).some((v) => verdictAllows(v, query));
}

export async function findings(...paths: string[]): Promise<string[]> {
  const result = scanLoaded(await load(...paths), {
    rules: networkRules,
    settings: defaultSettings(),
  });
  return result.findings.map((f) => `${f.ruleId} ${f.object.kind}/${f.object.name}`).sort();
}

/** A model from in-memory texts (manifests edited or combined by a test). */
export function modelOfTexts(entries: { path: string; text: string }[]): NetpolModel {
  return netpolModel(new Inventory(loadTexts(entries, DEFAULT_LOAD_OPTIONS).objects));
}
