import { agentFor, send, type Endpoint } from './load';

/*
 * The petitioner's side, on the app of a queries round: receipts for the latest cases, then each query code
 * looked up once (GET /public/status/{code}, no token — fewer than the bound of 120 look-ups an hour per
 * client), and a written notice printed for each that has one to print, given back as Word
 * (GET /api/v1/cases/{id}/notices/{n}?format=docx). Each reads one case's stream, not the log: its time
 * should not grow with the log.
 */

const API = '/api/v1';
/** Below the public bound of 120 look-ups an hour per client (public-limits.ts). */
const CASES = 60;

export interface PetitionerReads {
  readonly statusMs: number[];
  readonly noticeMs: number[];
  readonly notes: string[];
}

const timedSend = async (agent: ReturnType<typeof agentFor>, endpoint: Endpoint, method: 'GET' | 'POST', path: string, body?: unknown) => {
  const t0 = performance.now();
  const answer = await send(agent, endpoint, { method, path, ...(body === undefined ? {} : { body }) });
  return { ...answer, ms: performance.now() - t0 };
};

export const petitionerReads = async (endpoint: Endpoint): Promise<PetitionerReads> => {
  const agent = agentFor(1);
  const statusMs: number[] = [];
  const noticeMs: number[] = [];
  const notes: string[] = [];
  try {
    const list = await timedSend(agent, endpoint, 'GET', `${API}/cases?limit=${CASES}`);
    if (list.status !== 200) return { statusMs, noticeMs, notes: [`case list answered ${list.status}: ${list.body.slice(0, 200)}`] };
    const caseIds = (JSON.parse(list.body) as { rows: { caseId: string }[] }).rows.map((r) => r.caseId);
    const codes: string[] = [];
    for (const id of caseIds) {
      const issued = await timedSend(agent, endpoint, 'POST', `${API}/cases/${encodeURIComponent(id)}/receipt`);
      if (issued.status === 201) codes.push((JSON.parse(issued.body) as { code: string }).code);
      else notes.push(`receipt of ${id} answered ${issued.status}`);
    }
    const publicEndpoint: Endpoint = { port: endpoint.port };
    for (const code of codes) {
      const found = await timedSend(agent, publicEndpoint, 'GET', `/public/status/${code}`);
      if (found.status === 200) statusMs.push(found.ms);
      else notes.push(`GET /public/status/{code} answered ${found.status}`);
    }
    const at = new Date().toISOString();
    for (const id of caseIds) {
      // The first kind the case has a fact for; a case with none (registered, not yet decided) prints none.
      for (const kind of ['acceptance', 'rejection']) {
        const printed = await timedSend(agent, endpoint, 'POST', `${API}/cases/${encodeURIComponent(id)}/notices`, { kind, at });
        if (printed.status !== 201) continue;
        const { number } = (JSON.parse(printed.body) as { notice: { number: number } }).notice;
        const docx = await timedSend(agent, endpoint, 'GET', `${API}/cases/${encodeURIComponent(id)}/notices/${number}?format=docx`);
        if (docx.status === 200) noticeMs.push(docx.ms);
        else notes.push(`notice ${id}-${number} as Word answered ${docx.status}`);
        break;
      }
    }
  } finally {
    agent.destroy();
  }
  return { statusMs, noticeMs, notes: [...new Set(notes)].slice(0, 5) };
};
