// Builds the CLI into dist/cli: one bundle per command (esbuild), dependencies left to node_modules.
//
// Bundling matters for a command-line tool: loading ~420 separate modules cost a small scan about
// 120 ms of its ~380 ms (resolution, reads, compiles). Each command stays a chunk of its own, loaded
// only when it runs (`src/cli/commands.ts`), and every chunk sits next to main.js: the code that
// finds docs/ and package.json by `import.meta.url` (../../) keeps working from any of them.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
