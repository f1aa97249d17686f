import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

// better-sqlite3 is a native addon: it stays external (tsup leaves dependencies external anyway).
export default defineConfig(sharedBuild());
