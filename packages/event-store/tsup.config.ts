import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

// The conformance suite is a separate entry so that the main entry never loads vitest; the multi-process test
// writer (testing) one so that it never loads node:child_process.
export default defineConfig(sharedBuild({ entry: ['src/index.ts', 'src/conformance.ts', 'src/testing.ts'] }));
