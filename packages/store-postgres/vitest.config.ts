import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// One PostgreSQL per test run (XINFANG_PG_URL's, or an embedded one), handed to the tests with `inject`.
export default mergeConfig(sharedTestConfig, { test: { globalSetup: ['src/test/global-setup.ts'] } });
