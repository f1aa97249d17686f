import type { ChildProcess } from 'node:child_process';
import { agentFor, send, type Endpoint, type HttpRequest } from './load';
import { peakRssOf, startJob, stopJob } from './child';

/* The app serving a store in a child process, and the few requests a measurement makes to set things up. */

export interface AppSession {
  readonly endpoint: Endpoint;
  readonly child: ChildProcess;
  /** Sends one request; throws unless it is answered 2xx. */
  readonly call: (req: HttpRequest) => Promise<unknown>;
  readonly peakRssMb: () => number;
  readonly stop: () => Promise<void>;
}

export const startApp = async (path: string): Promise<AppSession> => {
  const { ready, child } = await startJob<{ port: number; token: string }>('serveApp', { path });
  const endpoint: Endpoint = { port: ready.port, token: ready.token };
  const agent = agentFor(1);
  return {
    endpoint,
    child,
    call: async (req) => {
      const answer = await send(agent, endpoint, req);
      if (answer.status < 200 || answer.status >= 300) throw new Error(`${req.method} ${req.path} → ${answer.status} ${answer.body.slice(0, 300)}`);
      return answer.body === '' ? undefined : (JSON.parse(answer.body) as unknown);
    },
    peakRssMb: () => peakRssOf(child.pid ?? 0),
    stop: async () => {
      agent.destroy();
      await stopJob(child);
    },
  };
};

/** A community of its own for a measurement's cases, registered through the API. */
export const benchCommunity = async (app: AppSession, communityId: string): Promise<string> => {
  await app.call({
    method: 'POST',
    path: '/api/v1/communities',
    body: { communityId, name: `基准社区${communityId.slice(-4)}`, grids: [{ gridId: `${communityId}-g1`, name: '第一网格' }] },
  });
  return communityId;
};

export const registerCase = (app: AppSession, communityId: string, caseId: string): Promise<unknown> =>
  app.call({
    method: 'POST',
    path: '/api/v1/cases',
    body: {
      caseId,
      origin: 'phone',
      communityId,
      category: 'neighbour',
      summary: '基准测试：邻里噪音纠纷',
      registeredAt: new Date(Date.now() - 3_600_000).toISOString(),
      petitioners: [{ name: '王伟' }],
    },
  });

export const progressOn = (caseId: string, note: string): HttpRequest => ({
  method: 'POST',
  path: `/api/v1/cases/${caseId}/progress`,
  body: { at: new Date().toISOString(), note },
});
