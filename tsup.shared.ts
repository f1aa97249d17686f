import type { Options } from 'tsup';

/** Every package ships ESM + CJS + .d.ts from src/index.ts; workspace packages stay external. */
export const sharedBuild = (overrides: Partial<Options> = {}): Options => ({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: [/^@xinfang\//],
  ...overrides,
});
