#!/usr/bin/env node
/*
 * `xinfang`: runs the CLI's TypeScript sources as they are, with no build step. It adds the `@xinfang/source`
 * export condition (so the workspace's packages resolve to their sources, as in the tests), registers tsx to
 * compile TypeScript on the fly, then loads src/main.ts. The same as
 *   node --conditions=@xinfang/source --import tsx apps/cli/src/main.ts …
 */
import { register } from 'node:module';

register('./source-condition.mjs', import.meta.url);
await import('tsx');
await import('../src/main.ts');
