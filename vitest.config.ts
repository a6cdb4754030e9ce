import { defineConfig } from 'vitest/config';

// Two projects: unit (everything in-process, plus corpus and CLI tests) and e2e (a real
// kube-apiserver, started once for the run by the global setup).
export default defineConfig({
  test: {
    setupFiles: ['test/helpers/install-fixes.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: [],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          // Benchmarks import the code natively (Node strips the types), as the CLI runs it:
          // Vite's module runner puts a getter on every export, a cost on each call across modules
          // that the parse floor (js-yaml, an external package) does not pay.
          experimental: { viteModuleRunner: false },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          benchmark: { include: [] },
          testTimeout: 300_000,
        },
      },
    ],
  },
});
