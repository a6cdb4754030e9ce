import type { CliIo } from '../io.ts';

/** What a command wrote, filled in as it runs. */
export interface Captured {
  stdout: string;
  stderr: string;
}

/** A CliIo for running commands in tests: keeps what they write, reads `stdin` as standard input. */
export function capturedIo(cwd: string, stdin = ''): { io: CliIo; out: Captured } {
  const out: Captured = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
    cwd,
    env: {},
    isTTY: false,
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
  };
  return { io, out };
}
