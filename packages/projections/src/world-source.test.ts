import { describe, expect, it } from 'vitest';
import { endOfDay } from '@xinfang/domain';
import { disputesLedger } from './disputes-ledger';
import { createMemoryReadModels } from './memory-read-models';
import { plainPersonalData } from './personal-data';
import { createProjectionRunner } from './runner';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';
import { worldProjections } from './world-projection';
import { createLiveWorldDocs, createWorldSource, LIVE_WORLD_PROJECTIONS, logBoundsProjection } from './world-source';
import { feedLiveDocs, loadLiveDocs, observeReadModels } from './live-docs';
import { isVisible } from './view';

const registerCase = (caseId: string, registeredAt: string) => ({
  type: 'RegisterCase' as const,
  data: {
    caseId,
    origin: 'screening' as const,
    communityId: 'dongfeng',
    category: 'neighbour' as const,
    summary: '楼上漏水',
    registeredAt,
    petitioners: [{ personId: 'p1' }],
  },
});

describe('the world of a view', () => {
  it('comes from the live read model when the view hides nothing, narrowed through the stream bounds otherwise', async () => {
    const scenario = createScenario();
    await scenario.run('case', 'case-c1', registerCase('c1', '2024-09-18T09:00:00+08:00'), '2024-09-18T09:05:00+08:00');
    // c2 happened on 20 Sep but was typed in on 25 Sep.
    await scenario.run('case', 'case-c2', registerCase('c2', '2024-09-20T10:00:00+08:00'), '2024-09-25T16:00:00+08:00');
    const readModels = createMemoryReadModels();
    const runner = createProjectionRunner({ store: scenario.store, readModels, projections: [...worldProjections, logBoundsProjection] });
    await runner.catchUp();
    const source = createWorldSource({ store: scenario.store, readModels });

    const now = { asOf: endOfDay('2024-10-01'), knownAt: endOfDay('2024-10-01') };
    const live = await source.worldFor(now);
    expect(live.source).toBe('readModel');
    expect(live.world).toEqual(await buildWorld(await scenario.events()));

    const before = { asOf: endOfDay('2024-10-01'), knownAt: endOfDay('2024-09-24') };
    const past = await source.worldFor(before);
    expect(past.source).toBe('index');
    expect(disputesLedger(past.world, before, {}, plainPersonalData).rows.map((r) => r.caseId)).toEqual(['c1']);
    expect(disputesLedger(live.world, now, {}, plainPersonalData).rows.map((r) => r.caseId)).toEqual(['c1', 'c2']);

    const earlier = { asOf: endOfDay('2024-09-19'), knownAt: endOfDay('2024-10-01') };
    expect((await source.worldFor(earlier)).source).toBe('index');
  });

  it('replays the log when there is no read model, or the read model is behind the log', async () => {
    const scenario = createScenario();
    await scenario.run('case', 'case-c1', registerCase('c1', '2024-09-18T09:00:00+08:00'), '2024-09-18T09:05:00+08:00');
    const view = { asOf: endOfDay('2024-10-01'), knownAt: endOfDay('2024-10-01') };
    expect((await createWorldSource({ store: scenario.store }).worldFor(view)).source).toBe('log');

    const readModels = createMemoryReadModels();
    expect((await createWorldSource({ store: scenario.store, readModels }).worldFor(view)).source).toBe('log');
  });
});

describe('a read model behind the log', () => {
  it('is not used: events appended since its checkpoint would be missing', async () => {
    const scenario = createScenario();
    await scenario.run('case', 'case-c1', registerCase('c1', '2024-09-18T09:00:00+08:00'), '2024-09-18T09:05:00+08:00');
    const readModels = createMemoryReadModels();
    const runner = createProjectionRunner({ store: scenario.store, readModels, projections: [...worldProjections, logBoundsProjection] });
    await runner.catchUp();
    await scenario.run('case', 'case-c2', registerCase('c2', '2024-09-19T09:00:00+08:00'), '2024-09-19T09:05:00+08:00');
    const view = { asOf: endOfDay('2024-10-01'), knownAt: endOfDay('2024-10-01') };
    const { world, source } = await createWorldSource({ store: scenario.store, readModels }).worldFor(view);
    expect(source).toBe('log');
    expect([...world.case.keys()]).toEqual(['case-c1', 'case-c2']);
  });
});

describe('a past view asked again', () => {
  it('takes the states folded for it before, and folds a stream again once it has a new event the view shows', async () => {
    const scenario = createScenario();
    await scenario.run('case', 'case-c1', registerCase('c1', '2024-09-18T09:00:00+08:00'), '2024-09-18T09:05:00+08:00');
    const progress = (at: string, note: string) => ({ type: 'RecordProgress' as const, data: { caseId: 'c1', at, note } });
    await scenario.run('case', 'case-c1', progress('2024-09-25T10:00:00+08:00', '约谈'), '2024-09-25T10:05:00+08:00');
    const readModels = createMemoryReadModels();
    const live = createLiveWorldDocs();
    await loadLiveDocs(live, readModels, LIVE_WORLD_PROJECTIONS);
    const runner = createProjectionRunner({ store: scenario.store, readModels: observeReadModels(readModels, feedLiveDocs(live)), projections: [...worldProjections, logBoundsProjection] });
    await runner.catchUp();
    let reads = 0;
    const store = { ...scenario.store, readStream: (...args: Parameters<typeof scenario.store.readStream>) => ((reads += 1), scenario.store.readStream(...args)) };
    const source = createWorldSource({ store, live });
    const view = { asOf: endOfDay('2024-09-20'), knownAt: endOfDay('2024-10-31') };
    const progressOf = async () => {
      const { world, source: from } = await source.worldFor(view);
      expect(from).toBe('index');
      const c1 = world.case.get('case-c1');
      return c1?.status === 'none' || c1 === undefined ? undefined : c1.progress.map((p) => p.note);
    };

    expect(await progressOf()).toEqual([]);
    expect(reads).toBe(1);
    expect(await progressOf()).toEqual([]);
    expect(reads).toBe(1); // kept: nothing of c1 has moved

    // A note of 19 Sep typed in on 26 Sep: the view shows it, so c1 is folded again.
    await scenario.run('case', 'case-c1', progress('2024-09-19T15:00:00+08:00', '补录走访'), '2024-09-26T09:00:00+08:00');
    await runner.catchUp();
    expect(await progressOf()).toEqual(['补录走访']);
    expect(reads).toBe(2);
    expect(await buildWorld((await scenario.events()).filter((e) => isVisible(e, view)))).toEqual((await source.worldFor(view)).world);
    expect(reads).toBe(2);
  });
});
