import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.shared.ts';

export default defineConfig(sharedBuild());
