import { defineConfig } from 'vitest/config';

/** One test setup for every package: sources of workspace packages are read directly (no build needed). */
export const sharedTestConfig = defineConfig({
  resolve: { conditions: ['@xinfang/source'] },
  ssr: { resolve: { conditions: ['@xinfang/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    coverage: { provider: 'v8', include: ['src/**/*.{ts,tsx}'], exclude: ['src/**/*.test.ts', 'src/index.ts'], reporter: ['text-summary'] },
  },
});
