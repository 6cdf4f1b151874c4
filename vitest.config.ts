// Test runner configuration: tests sit beside the code; the core package resolves to its source.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@logstream/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      '@logstream/tui': fileURLToPath(new URL('./packages/tui/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    // Builds core and cli once, for the CLI's end-to-end tests that run packages/cli/dist/bin.js.
    globalSetup: ['packages/cli/src/test-utils/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
