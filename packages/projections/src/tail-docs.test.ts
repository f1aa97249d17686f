import { describe, expect, it } from 'vitest';
import { dutyStream, type Instant } from '@xinfang/domain';
import { createMemoryReadModels } from './memory-read-models';
import { createProjectionRunner } from './runner';
import { createScenario } from './test-scenario';
import { findDutyStreams, findDutyStreamsThroughTail, findPersonIds, findPersonIdsThroughTail, worldProjections } from './world-projection';

/*
 * Lookups through the tail (tail-docs.ts): what the index would hold at the log's head, from read models
 * left behind it (a failing runner), with nothing written to them.
 */

const at = (day: number): Instant => `2024-09-${String(day).padStart(2, '0')}T09:00:00+08:00`;
const sealed = { keyId: 'key-1', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };
const DIGEST = 'a1'.repeat(32);

describe('lookups through the tail', () => {
  it('find what the events after the checkpoint added, and forget what they erased, writing nothing', async () => {
    const s = createScenario();
    await s.run('person', 'person-p1', { type: 'RegisterPerson', data: { personId: 'p1', registeredAt: at(16), sealed, idNumberDigest: DIGEST } }, at(16));
    const readModels = createMemoryReadModels();
    const caughtUp = await createProjectionRunner({ store: s.store, readModels, projections: worldProjections }).catchUp();

    // After the read models stopped: a second person with the same id number, the first erased, a duty slot.
    await s.run('person', 'person-p2', { type: 'RegisterPerson', data: { personId: 'p2', registeredAt: at(17), sealed, idNumberDigest: DIGEST } }, at(17));
    await s.run('person', 'person-p1', { type: 'ErasePerson', data: { personId: 'p1', at: at(18) } }, at(18));
    const week = dutyStream('subdistrict', '2024-09-25');
    await s.run('duty', week, { type: 'ScheduleDuty', data: { dutyId: 'd9', date: '2024-09-25', leaderId: 'l1', location: '接待室', unit: 'subdistrict' } }, at(18));

    expect(await findPersonIds(readModels, DIGEST)).toEqual(['p1']);
    expect(await findPersonIdsThroughTail(s.store, readModels, DIGEST)).toEqual(['p2']);
    expect(await findDutyStreams(readModels, 'd9')).toEqual([]);
    expect(await findDutyStreamsThroughTail(s.store, readModels, 'd9')).toEqual([week]);
    expect(await findPersonIdsThroughTail(s.store, readModels, 'b2'.repeat(32))).toEqual([]);
    // Nothing was written: the read models are where the runner left them.
    for (const { name } of worldProjections) expect((await readModels.checkpoint(name))?.position).toBe(caughtUp);
    expect(await findPersonIds(readModels, DIGEST)).toEqual(['p1']);
  });
});
