import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../src/input/index.ts';
import { Inventory } from '../src/model/inventory.ts';
import { connectionList, connectionsText, exposureOf, netpolModel } from '../src/netpol/index.ts';
import { exposureRows } from '../src/netpol/format/exposure-rows.ts';

// np-guard/netpol-analyzer's connlist goldens, read in place (see ../shared/corpus/netpol/SOURCES.md).
const CORPUS = fileURLToPath(new URL('../../shared/corpus/netpol/', import.meta.url));
const CASES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function modelOf(name: string) {
  const loaded = await loadSources([`${CORPUS}${name}`], { ...DEFAULT_LOAD_OPTIONS, cwd: CORPUS });
  return { loaded, model: netpolModel(new Inventory(loaded.objects)) };
}

/** SOURCES.md normalisation: split on LF, drop CR and empty lines. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replaceAll('\r', ''))
    .filter((l) => l !== '');
}

describe('netpol corpus: connection lists', () => {
  it('has the 31 cases SOURCES.md lists', () => {
    expect(CASES).toHaveLength(31);
  });

  it.each(CASES)('%s reproduces its golden connection list byte for byte', async (name) => {
    const { loaded, model } = await modelOf(name);
    // Only onlineboutique carries a non-manifest JSON file, reported and skipped.
    expect(loaded.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(model.invalidPolicies).toEqual([]);
    const golden = readFileSync(`${CORPUS}${name}/${name}_connlist_output.txt`, 'utf8');
    const text = connectionsText(connectionList(model));
    expect(lines(text)).toEqual(lines(golden));
    expect(text).toBe(golden);
  });
});

const EXPOSURE_CASES = CASES.filter((name) =>
  readdirSync(`${CORPUS}${name}`).includes(`${name}_exposure_output.txt`),
);

/**
 * The oracle's exposure facts as `PEER => TARGET : CONN` / `PEER <= TARGET : CONN` / `PEER is not
 * protected on DIRECTION`, whitespace collapsed (SOURCES.md, "Exposure files").
 */
function oracleFacts(text: string): string[] {
  const [, rest = ''] = text.split('Exposure Analysis Result:');
  return lines(rest)
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => / (=>|<=) | is not protected on /.test(l))
    .sort();
}

describe('netpol corpus: exposure', () => {
  it('has the 2 exposure goldens', () => {
    expect(EXPOSURE_CASES).toEqual(['onlineboutique', 'onlineboutique_workloads']);
  });

  it.each(EXPOSURE_CASES)('%s: same connection list and the same exposure facts', async (name) => {
    const { model } = await modelOf(name);
    const golden = readFileSync(`${CORPUS}${name}/${name}_exposure_output.txt`, 'utf8');
    const [connlist = ''] = golden.split('\nExposure Analysis Result:');
    expect(lines(connectionsText(connectionList(model)))).toEqual(lines(connlist));
    const ours = exposureRows(exposureOf(model))
      .flatMap((row) => {
        const arrow = row.direction === 'ingress' ? '<=' : '=>';
        switch (row.kind) {
          case 'unprotected':
            return [
              `${row.workload} is not protected on ${row.direction === 'ingress' ? 'Ingress' : 'Egress'}`,
            ];
          case 'external':
            return [`${row.workload} ${arrow} ${row.target}[External] : ${row.conn}`];
          case 'entire-cluster':
            return [`${row.workload} ${arrow} entire-cluster : ${row.conn}`];
          case 'selector':
            return [`${row.workload} ${arrow} ${row.target} : ${row.conn}`];
          default:
            // Services, Ingresses and metadata addresses are Kubeward's own additions.
            return [];
        }
      })
      .sort();
    expect(ours).toEqual(oracleFacts(golden));
  });
});
