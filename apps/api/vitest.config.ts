import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The pages are hono/jsx (.tsx): Vite's transform is told the runtime, as tsconfig.json tells tsc.
export default mergeConfig(sharedTestConfig, {
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
});
