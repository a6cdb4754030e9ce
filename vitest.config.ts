import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['test/helpers/install-fixes.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
