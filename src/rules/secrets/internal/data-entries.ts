import type { PathSegment } from '../../../engine/finding.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import { isRecord } from '../../../model/kube-object.ts';
import { decodeBase64Text } from '../../../secrets/index.ts';

export type DataField = 'data' | 'stringData' | 'binaryData';

/** One entry of a ConfigMap's or Secret's data, decoded to text where it is text. */
export interface DataEntry {
  field: DataField;
  key: string;
  path: PathSegment[];
  /** The value as written in the manifest (base64 for Secret `data` and `binaryData`). */
  raw: string;
  /** The value as the container sees it, when that is UTF-8 text; undefined for binary data. */
  text: string | undefined;
}

const MAX_ENTRIES = 10_000;

/** Which fields hold base64 (decoded before scanning) and which hold plain text, per kind. */
const FIELDS: Readonly<Record<string, readonly [DataField, boolean][]>> = {
  ConfigMap: [
    ['data', false],
    ['binaryData', true],
  ],
  Secret: [
    ['data', true],
    ['stringData', false],
  ],
};

/** String entries of `data`, `binaryData` (ConfigMap) or `data`, `stringData` (Secret). */
export function dataEntries(object: KubeObject): DataEntry[] {
  const entries: DataEntry[] = [];
  for (const [field, base64] of FIELDS[object.kind] ?? []) {
    const map = object[field];
    if (!isRecord(map)) continue;
    for (const [key, raw] of Object.entries(map).slice(0, MAX_ENTRIES)) {
      if (typeof raw !== 'string') continue;
      const text = base64 ? decodeBase64Text(raw) : raw;
      entries.push({ field, key, path: [field, key], raw, text });
    }
  }
  return entries;
}
