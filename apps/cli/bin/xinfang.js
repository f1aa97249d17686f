#!/usr/bin/env node
/*
 * `xinfang`: runs the CLI's TypeScript sources as they are, with no build step. It adds the `@xinfang/source`
 * export condition (so the workspace's packages resolve to their sources, as in the tests), registers tsx to
 * compile TypeScript on the fly, then loads src/main.ts. The same as
 *   TSX_TSCONFIG_PATH=apps/api/tsconfig.json node --conditions=@xinfang/source --import tsx apps/cli/src/main.ts …
 */
/* global process, URL */
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

// tsx applies one tsconfig (found in the working directory unless named), and only to the files it includes:
// the api's, so that its pages (.tsx) compile as hono/jsx — without it, as React's — wherever this runs from.
// Set before the first register(): the module hooks' thread takes its copy of the environment then.
process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../api/tsconfig.json', import.meta.url));
register('./source-condition.mjs', import.meta.url);
await import('tsx');
await import('../src/main.ts');
