#!/usr/bin/env node
import { KubewardError } from '../engine/errors.ts';
import { COMMANDS } from './commands.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';
import { toolVersion } from './version.ts';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `Usage: kubeward COMMAND [options]

Finds what is insecure in Kubernetes manifests and clusters, explains why, and fixes what can be fixed.

Commands:
${lines.join('\n')}

Run \`kubeward COMMAND --help\` for a command's options. \`kubeward --version\` prints the version.
`;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const verbose = argv.includes('--verbose');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(help());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      io.stdout(`${toolVersion()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (command === undefined)
      throw new KubewardError('E_USAGE', `unknown command "${name}" (see kubeward --help)`);
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof KubewardError) {
      io.stderr(`kubeward: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(
        `kubeward: internal error: ${message}${verbose ? '' : ' (--verbose prints the stack)'}\n`,
      );
      if (verbose && error instanceof Error && error.stack !== undefined)
        io.stderr(`${error.stack}\n`);
    }
    return EXIT.error;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY,
  readStdin,
};

/**
 * A reader that stops early (`kubeward scan | head`) closes the pipe: stop quietly, as Unix tools
 * do, rather than crash with a stack trace. Any other output error is reported in one line.
 */
function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`kubeward: cannot write the output: ${error.message}\n`);
    process.exit(EXIT.error);
  }
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
}

// Set the exit code and let Node drain stdout: process.exit() would cut a piped report short.
if (import.meta.main) {
  process.stdout.on('error', onOutputError);
  process.exitCode = await main(process.argv.slice(2), processIo);
}
