import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        // As in the extension's build (wxt.config.ts): the SDK's legacy SSE transport reads one stream, without reconnecting.
        resolve: { alias: [{ find: /^eventsource$/, replacement: resolve(import.meta.dirname, 'utils/mcp/oneShotEventSource.ts') }] },
        test: {
          name: 'unit',
          include: [
            'utils/**/*.test.ts',
            'platform/**/*.test.ts',
            'entrypoints/**/*.test.ts',
            'components/**/*.test.ts',
            'demo/**/*.test.ts',
            'bench/**/*.test.ts',
            'build-plugins/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // Real browsers on a loaded CI box: one retry there, none locally, so flakiness shows up here first.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
