/**
 * The load generator of the admission bench, run in its own process so that its event loop and
 * garbage collector do not share a heap with the bench runner. autocannon (npm) makes the
 * requests; every response time comes from its `response` event, so percentiles are exact.
 *
 * Two shapes of 500 requests/s over 10 keep-alive TLS connections:
 * - `paced`: 10 autocannon instances of one connection at 50 requests/s each, started 100 ms
 *   apart, so the 500 requests spread over each second as independent API server clients would
 *   send them.
 * - `burst`: one instance with 10 connections and `overallRate: 500`. autocannon's rate limiter
 *   lets each connection send its 50 requests back to back when each second starts, so this
 *   measures queueing behind a 10-deep burst; its own p99 also applies a coordinated-omission
 *   correction whose expected interval is 1 ms (`Math.ceil(1 / rate)`), adding synthetic samples.
 *
 * Usage: node bench/admission-load-client.ts URL CA_FILE BODY_FILE paced|burst SECONDS
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url = '', caFile = '', bodyFile = '', shape = 'paced', seconds = '30'] =
  process.argv.slice(2);
const RATE = 500;
const CONNECTIONS = 10;
const duration = Number(seconds);
const body = readFileSync(bodyFile, 'utf8');
const ca = readFileSync(caFile, 'utf8');
const times: number[] = [];
let errors = 0;
let reported: { p99: number; p50: number } | undefined;

function start(connections: number, rate: number): Promise<void> {
  return new Promise((resolve) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        overallRate: rate,
        duration,
        tlsOptions: { ca },
      },
      (error, result) => {
        if (error) errors++;
        else reported = { p50: result.latency.p50, p99: result.latency.p99 };
        resolve();
      },
    );
    instance.on('response', (_client, status: number, _bytes: number, ms: number) => {
      if (status === 200) times.push(ms);
      else errors++;
    });
    instance.on('reqError', () => errors++);
  });
}

if (shape === 'burst') {
  await start(CONNECTIONS, RATE);
} else {
  const step = 1000 / CONNECTIONS;
  await Promise.all(
    Array.from(
      { length: CONNECTIONS },
      (_, i) =>
        new Promise<void>((resolve) => {
          setTimeout(() => void start(1, RATE / CONNECTIONS).then(resolve), i * step);
        }),
    ),
  );
}

times.sort((a, b) => a - b);
const at = (q: number): number =>
  Math.round((times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? NaN) * 100) / 100;
console.log(
  JSON.stringify({
    shape,
    requests: times.length,
    rps: Math.round(times.length / duration),
    errors,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: Math.round((times.at(-1) ?? NaN) * 10) / 10,
    ...(shape === 'burst' && reported !== undefined
      ? { autocannonP50: reported.p50, autocannonP99: reported.p99 }
      : {}),
  }),
);
