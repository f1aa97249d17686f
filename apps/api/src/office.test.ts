import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personStream, type CommandOf, type PetitionerRef } from '@xinfang/domain';
import { createStateCache, type StateCache } from '@xinfang/event-store';
import { createOffice } from './office';
import { openServices } from './open-services';
import { HttpProblem } from './problem';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const at = '2024-09-16T09:00:00+08:00';
const context = (commandId: string) => ({ actor: { id: 'clerk-1', role: 'office' }, commandId });
const register = (caseId: string) => (petitioners: PetitionerRef[]): CommandOf<'case'> => ({
  type: 'RegisterCase',
  data: { caseId, origin: 'screening', communityId: 'qinghua', category: 'wageArrears', summary: '拖欠工资', registeredAt: at, petitioners },
});

describe('office.executeWithPetitioners', () => {
  it('records new persons and the case in one append', async () => {
    const { office } = server.services;
    const before = await server.eventCount();
    const result = await office.executeWithPetitioners('case-c-one', [{ name: '甲' }, { name: '乙' }], at, register('c-one'), context('cmd-1'));

    const events = await server.services.store.findByCommandId('cmd-1');
    expect(result).toMatchObject({ streamId: 'case-c-one', revision: 1, position: before + 3 });
    expect((await server.services.store.readStream('case-c-one'))[0]?.type).toBe('CaseRegistered');
    expect(events.map((e) => e.type)).toEqual(['CaseRegistered']);
    expect(await server.eventCount()).toBe(before + 3);
  });

  it('leaves no person behind when the case command is refused after the persons were resolved', async () => {
    const { office } = server.services;
    const before = await server.eventCount();
    // The same case again: the decider refuses it only once the petitioners' files are known.
    const refused = office.executeWithPetitioners('case-c-one', [{ name: '丙' }, { name: '丁' }], at, register('c-one'), context('cmd-2'));

    await expect(refused).rejects.toBeInstanceOf(HttpProblem);
    await expect(refused).rejects.toMatchObject({ body: { status: 422, code: 'caseAlreadyExists' } });
    expect(await server.eventCount()).toBe(before);
  });
});

describe('office: the states it keeps between commands', () => {
  it('decides on what another process recorded since its last command on the stream', async () => {
    const { office } = server.services;
    await office.executeWithPetitioners('case-c-kept', [{ name: '戊' }], at, register('c-kept'), context('cmd-kept-1'));
    const progress: CommandOf<'case'> = { type: 'RecordProgress', data: { caseId: 'c-kept', at, note: '走访' } };
    expect(await office.execute('case', 'case-c-kept', progress, context('cmd-kept-2'))).toMatchObject({ revision: 2 });

    // Another process on the same file (the CLI beside the server) rejects the case.
    const beside = await openServices({ storePath: server.storePath, readModels: 'memory' });
    try {
      const reject: CommandOf<'case'> = { type: 'DecideAcceptance', data: { caseId: 'c-kept', decision: 'rejected', at, reason: '不属于受理范围' } };
      expect(await beside.office.execute('case', 'case-c-kept', reject, context('cmd-kept-3'))).toMatchObject({ revision: 3 });
    } finally {
      await beside.close();
    }

    expect(await office.load('case', 'case-c-kept')).toMatchObject({ revision: 3, state: { status: 'rejected' } });
    const refused = office.execute('case', 'case-c-kept', progress, context('cmd-kept-4'));
    await expect(refused).rejects.toMatchObject({ body: { status: 422, code: 'caseRejected' } });
  });

  it('never keeps a person file: nothing of a forgotten petitioner stays in memory', async () => {
    // The office's own cache, watched: every stream it is asked to keep.
    const kept: string[] = [];
    const cache = createStateCache<unknown>();
    const states: StateCache<unknown> = { ...cache, set: (streamId, folded) => (kept.push(streamId), cache.set(streamId, folded)) };
    const { store, database, clock, readModels, runner } = server.services;
    const office = createOffice({ store, database, clock, readModels, runner, states });

    await office.executeWithPetitioners('case-c-forget', [{ name: '己', phone: '13900002222' }], at, register('c-forget'), context('cmd-forget-1'));
    const [registered] = await store.readStream('case-c-forget');
    const personId = (registered?.data as { petitioners: PetitionerRef[] }).petitioners[0]?.personId ?? '';
    expect(await office.load('person', personStream(personId))).toMatchObject({ revision: 1, state: { status: 'registered', personId } });
    await office.erasePerson(personId, at, context('cmd-forget-2'));

    expect(await office.load('person', personStream(personId))).toMatchObject({ revision: 2, state: { status: 'erased', personId } });
    expect(new Set(kept)).toEqual(new Set(['case\u0000case-c-forget']));
  });
});
