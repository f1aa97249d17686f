import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The tests run the real CLI as child processes: each start compiles TypeScript on the fly (tsx), so hooks
// that start a server get as long as a test.
export default mergeConfig(sharedTestConfig, { test: { hookTimeout: 60_000 } });
