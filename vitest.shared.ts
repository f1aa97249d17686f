import { defineConfig } from 'vitest/config';

/** One test setup for every package: sources of workspace packages are read directly (no build needed). */
export const sharedTestConfig = defineConfig({
  resolve: { conditions: ['@xinfang/source'] },
  ssr: { resolve: { conditions: ['@xinfang/source'] } },
  // The api's pages are hono/jsx (.tsx), read from source by every package that tests with the app.
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    coverage: { provider: 'v8', include: ['src/**/*.{ts,tsx}'], exclude: ['src/**/*.test.ts', 'src/index.ts'], reporter: ['text-summary'] },
  },
});
