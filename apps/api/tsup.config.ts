import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

// The query worker is an entry of its own: the pool starts it from dist/ beside the module that needs it.
// `shims` gives the CJS build `import.meta.url`, by which that module finds it.
export default defineConfig(sharedBuild({ entry: ['src/index.ts', 'src/query-worker.ts'], shims: true }));
