import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: keep the fan-out modest so spawned bundles and loopback servers are not starved.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
