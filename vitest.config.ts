import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: PGlite and the emulator are CPU-bound, so more workers only queue.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
