import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// The domain is where the rules live: its tests always measure coverage, and fall below 90 % of lines fails.
export default mergeConfig(sharedTestConfig, {
  test: { coverage: { enabled: true, thresholds: { lines: 90 } } },
});
