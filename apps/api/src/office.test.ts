import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOf, PetitionerRef } from '@xinfang/domain';
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
