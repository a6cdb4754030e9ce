import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

// Child-process plumbing for the test cluster: launching with logs to files, stopping, and never leaking.

const STOP_GRACE_MS = 5_000;

/** A server process and the file its stdout and stderr go to. */
export interface Proc {
  child: ChildProcess;
  logPath: string;
}

/** Starts `binary` with its output appended to `logPath`. */
export function launch(binary: string, logPath: string, args: string[]): Proc {
  const log = openSync(logPath, 'a');
  try {
    const child = spawn(binary, args, { stdio: ['ignore', log, log] });
    child.on('error', () => undefined); // a failed spawn shows as an exit with the log's tail
    child.unref(); // a forgotten stop() must not keep the test process alive; 'exit' kills it
    return { child, logPath };
  } finally {
    closeSync(log);
  }
}

// Kills the servers when this process dies without running its 'exit' handlers (SIGKILL, a crash).
export function startWatchdog(procs: Proc[], dir: string | undefined): ChildProcess {
  const script = [
    'parent=$1; dir=$2; shift 2',
    'while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
    'kill -KILL "$@" 2>/dev/null',
    '[ -n "$dir" ] && rm -rf "$dir"',
  ].join('\n');
  const pids = procs.flatMap(({ child }) => (child.pid === undefined ? [] : [String(child.pid)]));
  const args = ['-c', script, 'watchdog', String(process.pid), dir ?? '', ...pids];
  const watchdog = spawn('/bin/sh', args, { stdio: 'ignore', detached: true });
  watchdog.unref();
  return watchdog;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.pid !== undefined;
}

export async function terminate(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const grace = new AbortController(); // so the timer does not outlive a prompt exit
  const timer = sleep(STOP_GRACE_MS, 'timeout', { signal: grace.signal }).catch(() => 'aborted');
  const first = await Promise.race([exited, timer]);
  grace.abort();
  if (first === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export function exitReason(child: ChildProcess): string {
  return child.signalCode ?? `exit code ${String(child.exitCode ?? 'unknown (spawn failed?)')}`;
}

/** The last lines of each process's log, in the order given (put the one that matters first). */
export function logTails(procs: Proc[], lines = 30): string {
  return procs
    .map(({ logPath }) => {
      let text: string;
      try {
        text = readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        text = '(no log)';
      }
      return `--- last ${String(lines)} lines of ${logPath}\n${text}`;
    })
    .join('\n');
}

export async function freePorts(count: number): Promise<number[]> {
  // Hold all listeners open together so that the ports differ from each other.
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer();
      return new Promise<typeof server>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          resolve(server);
        });
      });
    }),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
