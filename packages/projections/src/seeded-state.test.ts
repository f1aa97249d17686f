import { describe, expect, it } from 'vitest';
import { foldStream } from '@xinfang/event-store';
import { aggregates, type Instant } from '@xinfang/domain';
import { createMemoryReadModels } from './memory-read-models';
import { createProjectionRunner } from './runner';
import { stateFromReadModels } from './seeded-state';
import { STREAM_HEADS_PROJECTION } from './stream-heads';
import { createScenario } from './test-scenario';
import { decodeStoredEvent } from './world';
import { worldProjections } from './world-projection';

const at = (day: number): Instant => `2024-09-${String(day).padStart(2, '0')}T09:00:00+08:00`;

describe("a stream's state from the read models", () => {
  it('is the state a fold of the stream gives, with the revision, position and hash of its last event', async () => {
    const s = createScenario();
    await s.run('community', 'community-qinghua', { type: 'RegisterCommunity', data: { communityId: 'qinghua', name: '清华园社区', grids: [] } }, at(16));
    await s.run('community', 'community-yonghe', { type: 'RegisterCommunity', data: { communityId: 'yonghe', name: '永和社区', grids: [] } }, at(17));
    const readModels = createMemoryReadModels();
    await createProjectionRunner({ store: s.store, readModels, projections: worldProjections }).catchUp();

    const { decider } = aggregates.community;
    const folded = await foldStream({ store: s.store, streamId: 'community-qinghua', decider: decider as never, toEvent: (e) => decodeStoredEvent('community', e) });
    expect(folded.revision).toBe(1);
    expect(await stateFromReadModels(readModels, 'community-qinghua')).toEqual(folded);
    expect(await stateFromReadModels(readModels, 'community-nowhere')).toBeUndefined();
  });

  it('is not had while the states and their heads are at two positions (one of them reset, behind, or of another version)', async () => {
    const s = createScenario();
    await s.run('community', 'community-qinghua', { type: 'RegisterCommunity', data: { communityId: 'qinghua', name: '清华园社区', grids: [] } }, at(16));
    const readModels = createMemoryReadModels();
    await createProjectionRunner({ store: s.store, readModels, projections: worldProjections }).catchUp();
    expect(await stateFromReadModels(readModels, 'community-qinghua')).toMatchObject({ revision: 1 });
    await readModels.reset(STREAM_HEADS_PROJECTION);
    expect(await stateFromReadModels(readModels, 'community-qinghua')).toBeUndefined();
    await readModels.commit(STREAM_HEADS_PROJECTION, 2, new Map(), 1);
    expect(await stateFromReadModels(readModels, 'community-qinghua')).toBeUndefined();
  });
});
