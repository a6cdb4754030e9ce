/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal (colour, progress). */
  isTTY: boolean;
  readStdin(): Promise<Uint8Array>;
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes: 0 clean, 1 findings at or above `--fail-on` (or a denied can-i), 2 usage or tool error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** Colour only on a terminal, and never when NO_COLOR is set; FORCE_COLOR wins. */
export function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY;
}
