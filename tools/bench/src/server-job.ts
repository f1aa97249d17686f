import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, openServices } from '@xinfang/api';
import { Hono } from 'hono';
import pino from 'pino';

/*
 * Servers in a child process of their own, so that the client (the bench) does not share their event loop:
 * the app as `xinfang serve` runs it (openServices, createApp, the node adaptor) with an office token made
 * for the run, and a bare Hono route on the same adaptor — the HTTP floor. Each prints `{port, token}` once
 * listening and runs until SIGTERM.
 */

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
};

const untilTerminated = (close: () => Promise<void>): Promise<never> =>
  new Promise(() => {
    process.once('SIGTERM', () => {
      void close().finally(() => process.exit(0));
    });
  });

export const serveApp = async (args: { path: string }): Promise<never> => {
  const services = await openServices({ storePath: args.path, logger: pino({ level: 'silent' }) });
  const { token } = await services.database.tokens.create({ kind: 'office' }, 'bench', new Date().toISOString());
  const server = createAdaptorServer({ fetch: createApp(services).fetch }) as Server;
  const port = await listen(server);
  process.stdout.write(`${JSON.stringify({ port, token })}\n`);
  return untilTerminated(async () => {
    server.closeAllConnections();
    server.close();
    await services.close();
  });
};

/** The floor: a route that decodes a JSON body and answers what a command answers, and a health route. */
export const serveBare = async (): Promise<never> => {
  let position = 0;
  const app = new Hono()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .post('/command/:id', async (c) => {
      const body = await c.req.json<Record<string, unknown>>();
      position += 1;
      return c.json({ id: c.req.param('id'), revision: Object.keys(body).length, position });
    });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const port = await listen(server);
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  return untilTerminated(async () => {
    server.closeAllConnections();
    server.close();
  });
};
