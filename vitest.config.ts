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
          benchmark: { include: ['bench/**/*.bench.ts'] },
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
