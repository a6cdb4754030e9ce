import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { PSS_CHECKS, activeChecks, evaluatePod, parseVersion } from './index.ts';
import type { PssVersion } from './index.ts';

// Upstream's own fixtures (k8s.io/pod-security-admission test/testdata), read in place.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/pss', import.meta.url));

// Fixture files are named after the lower-cased check id plus an index.
const CHECK_BY_PREFIX = new Map(PSS_CHECKS.map((c) => [c.id.toLowerCase(), c.id]));

function checkOfFile(file: string): string | undefined {
  return CHECK_BY_PREFIX.get(file.replace(/\d*\.yaml$/, ''));
}

/** The check ids a fail fixture may be denied by: its own, or the restricted check replacing it. */
function acceptedChecks(level: 'baseline' | 'restricted', version: PssVersion, id: string) {
  const accepted = new Set([id]);
  for (const { definition, revision } of activeChecks(level, version)) {
    if (revision.overrides?.includes(id) === true) accepted.add(definition.id);
  }
  return accepted;
}

interface Pod {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

function load(path: string): Pod {
  return parse(readFileSync(path, 'utf8')) as Pod;
}

const levels = ['baseline', 'restricted'] as const;
let total = 0;

describe('upstream Pod Security fixtures', () => {
  for (const level of levels) {
    const versions = readdirSync(`${CORPUS}/${level}`);
    for (const dir of versions) {
      const version = parseVersion(dir);
      it(`${level} ${dir}`, () => {
        expect(version).toBeDefined();
        if (version === undefined) return;
        const problems: string[] = [];
        for (const file of readdirSync(`${CORPUS}/${level}/${dir}/pass`)) {
          total++;
          const pod = load(`${CORPUS}/${level}/${dir}/pass/${file}`);
          const failures = evaluatePod(pod.metadata, pod.spec, level, version);
          if (failures.length > 0) problems.push(`pass/${file} denied by ${failures[0]?.checkId}`);
        }
        for (const file of readdirSync(`${CORPUS}/${level}/${dir}/fail`)) {
          total++;
          const id = checkOfFile(file);
          if (id === undefined) {
            problems.push(`fail/${file}: no check named like it`);
            continue;
          }
          const pod = load(`${CORPUS}/${level}/${dir}/fail/${file}`);
          const ids = evaluatePod(pod.metadata, pod.spec, level, version).map((f) => f.checkId);
          const accepted = acceptedChecks(level, version, id);
          if (!ids.some((failed) => accepted.has(failed))) {
            problems.push(
              `fail/${file} not denied by ${[...accepted].join('|')} (got ${ids.join(', ') || 'allowed'})`,
            );
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('covers every fixture file (4,537 pods)', () => {
    expect(total).toBe(4537);
  });
});
