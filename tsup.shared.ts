import type { Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

/**
 * fp-ts and io-ts 2.x have no `exports` map: `fp-ts/Either` is a directory, which Node's ESM loader
 * refuses to import (ERR_UNSUPPORTED_DIR_IMPORT). In the emitted JS, point such deep imports at the
 * CommonJS file (`fp-ts/lib/Either.js`), which both `import` and `require` load, so ESM and CJS
 * consumers also share one copy of each module. Sources keep writing `fp-ts/Either`.
 */
const fpTsDeepImports: TsupPlugin = {
  name: 'fp-ts-deep-imports',
  renderChunk(code, chunk) {
    if (!/\.[cm]?js$/.test(chunk.path)) return;
    const rewritten = code.replace(/(["'])(fp-ts|io-ts)\/(?!lib\/|es6\/)([\w-]+)\1/g, '$1$2/lib/$3.js$1');
    return rewritten === code ? undefined : { code: rewritten, map: chunk.map };
  },
};

/** Every package ships ESM + CJS + .d.ts from src/index.ts; workspace packages stay external. */
export const sharedBuild = (overrides: Partial<Options> = {}): Options => ({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20.19', // keeps `import … with { type: 'json' }`, which Node 20.19 needs for JSON in ESM
  external: [/^@xinfang\//],
  plugins: [fpTsDeepImports],
  ...overrides,
});
