import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Only for `npm run test:electron` (scripts/electron-e2e.mjs), which runs it where an Electron binary exists.
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file launches its own Electron; one at a time is plenty.
    fileParallelism: false,
  },
});
