// One flat config for the whole workspace. Each package runs `eslint .` in its own directory;
// ESLint 9 looks up the tree and finds this file. Layering (see DESIGN.md) is enforced with Nx tags.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** A file must not import its own package's index (or a barrel above it): that is how cycles start. */
const noSelfIndex = {
  // `.`, `..`, `./index`, `../index`, `../../index.js`, `../src`, `../../src/index`, …
  regex: String.raw`^(\.{1,2}(\/\.\.)*|(\.\.\/)+src)(\/(index(\.[cm]?[jt]s)?)?)?$`,
  message: "Don't import the package's own index (or a barrel above you); import the module that defines the thing.",
};

/** The domain is pure: no Node built-ins, no I/O. (Nx's rule ignores built-ins, so they are banned here.) */
const noNodeBuiltins = {
  group: ['node:*', ...builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `${m}/*`])],
  message: 'The domain is pure: no Node built-ins and no I/O (see DESIGN.md).',
};

/** Layering: the arrows only point down. */
const depConstraints = [
  {
    sourceTag: 'layer:domain',
    onlyDependOnLibsWithTags: ['layer:domain'],
    allowedExternalImports: ['io-ts', 'io-ts/*', 'fp-ts', 'fp-ts/*', 'chinese-days', 'chinese-days/*'],
  },
  { sourceTag: 'layer:event-store', onlyDependOnLibsWithTags: ['layer:event-store', 'layer:domain'] },
  { sourceTag: 'layer:store', onlyDependOnLibsWithTags: ['layer:event-store', 'layer:domain'] },
  { sourceTag: 'layer:projections', onlyDependOnLibsWithTags: ['layer:projections', 'layer:event-store', 'layer:domain'] },
  {
    sourceTag: 'layer:reports',
    onlyDependOnLibsWithTags: ['layer:reports', 'layer:projections', 'layer:event-store', 'layer:domain'],
  },
  {
    // The CLI serves the API app and loads the demo campaign, so an app may use another app and the tools.
    sourceTag: 'layer:app',
    onlyDependOnLibsWithTags: ['layer:app', 'layer:tool', 'layer:reports', 'layer:projections', 'layer:store', 'layer:event-store', 'layer:domain'],
  },
  { sourceTag: 'layer:tool', onlyDependOnLibsWithTags: ['*'] },
];

/** Tests and build/test configs may also use the test and build tooling. */
const testTooling = ['vitest', 'vitest/*', 'fast-check', '@fast-check/*', 'tsup'];
const testDepConstraints = depConstraints.map((c) =>
  c.allowedExternalImports ? { ...c, allowedExternalImports: [...c.allowedExternalImports, ...testTooling] } : c,
);

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allowCircularSelfDependency: false,
    banTransitiveDependencies: false,
    depConstraints: constraints,
  },
];

const testFiles = ['**/*.test.ts', '**/*.spec.ts', '**/test/**/*.ts', '**/__tests__/**/*.ts', '**/test-*.ts'];
const configFiles = ['*.config.ts', '*.config.mts', '*.shared.ts', 'packages/*/*.config.ts', 'apps/*/*.config.ts', 'tools/*/*.config.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      '**/node_modules/**',
      '**/.*/', // .nx, .git and tools' temporary folders
      '**/*.d.ts',
      // Temporary files that tsup and vite write next to their config while a build or test runs
      // (Nx may run lint at the same time).
      '**/*.bundled_*.{js,mjs,cjs}',
      '**/*.timestamp-*.{js,mjs,cjs}',
    ],
  },

  js.configs.recommended,
  ...nx.configs['flat/base'],

  // TypeScript: typescript-eslint recommended, import cycles, layering.
  {
    files: tsFiles,
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
      // Cycles are looked for inside a package; other packages (their dist) and node_modules are not parsed.
      'import-x/ignore': ['node_modules', String.raw`[\/]dist[\/]`],
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      'no-restricted-imports': ['error', { patterns: [noSelfIndex] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Type-aware rules (floating promises, misused promises, unsafe any, …) through the project service,
  // i.e. each package's tsconfig.json. They roughly triple lint time, so they run where the async code
  // is — everywhere but the domain, which is pure and synchronous and is type-checked strictly by tsc.
  {
    files: tsFiles,
    ignores: ['packages/domain/**'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Ports are async; an in-memory adapter's methods legitimately have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // The domain: no Node built-ins either.
  {
    files: ['packages/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSelfIndex, noNodeBuiltins] }] },
  },

  // Tests: may use the test tooling and may exercise the public API through the package index.
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(testDepConstraints),
      'no-restricted-imports': 'off',
      // Tests read JSON answers of the real HTTP app: typing every body would only restate the assertions.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: testFiles.map((f) => `packages/domain/${f}`),
    rules: { 'no-restricted-imports': ['error', { patterns: [noNodeBuiltins] }] },
  },

  // Build and test configs (tsup.config.ts, vitest.config.ts, the shared ones at the root).
  {
    files: configFiles,
    rules: { '@nx/enforce-module-boundaries': 'off', 'no-restricted-imports': 'off' },
  },

  // Plain JS config files: no type information.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], extends: [tseslint.configs.disableTypeChecked] },

  prettier,
);
