import { describe, expect, it } from 'vitest';
import { ERASED_TEXT } from '@xinfang/domain';
import {
  MISSING_PERSON_TEXT,
  petitionerView,
  petitionerViews,
  plainPersonalData,
  type PersonalDataReader,
  type RegisteredPerson,
} from './personal-data';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * Three person files, typed in on 1 Oct: p1 张三 with every field, p2 李四 with a name only, p3 王五 who is
 * forgotten on 5 Oct. A reader that has lost p1's key stands for a file whose key is destroyed.
 */
const sealed = (data: unknown) => ({ keyId: 'k', iv: '-', data: JSON.stringify(data), tag: '-' });
const P1 = { name: '张三', idNumber: '350582198001011018', phone: '13800000001', address: '东风社区1号楼' };

const worldOf = async () => {
  const scenario = createScenario();
  const register = (personId: string, data: unknown) =>
    scenario.run('person', `person-${personId}`, {
      type: 'RegisterPerson',
      data: { personId, registeredAt: '2024-10-01T09:00:00+08:00', sealed: sealed(data) },
    }, '2024-10-01T09:00:00+08:00');
  await register('p1', P1);
  await register('p2', { name: '李四' });
  await register('p3', { name: '王五', phone: '13800000003' });
  await scenario.run('person', 'person-p3', { type: 'ErasePerson', data: { personId: 'p3', at: '2024-10-05T09:00:00+08:00' } }, '2024-10-05T09:00:00+08:00');
  return buildWorld(await scenario.events());
};

describe('petitionerView', () => {
  it('gives every field the file holds, with the personId', async () => {
    const world = await worldOf();
    expect(petitionerView(world, 'p1', plainPersonalData)).toEqual({ personId: 'p1', ...P1 });
    expect(petitionerView(world, 'p2', plainPersonalData)).toEqual({ personId: 'p2', name: '李四' });
  });

  it('gives [已删除] and nothing else for a forgotten person', async () => {
    expect(petitionerView(await worldOf(), 'p3', plainPersonalData)).toEqual({ personId: 'p3', name: ERASED_TEXT });
  });

  it('gives [已删除] and nothing else when the reader cannot open the file (key destroyed)', async () => {
    const lostKey: PersonalDataReader = {
      read: (person: RegisteredPerson) => (person.personId === 'p1' ? undefined : plainPersonalData.read(person)),
    };
    const world = await worldOf();
    expect(petitionerViews(world, [{ personId: 'p1' }, { personId: 'p2' }], lostKey)).toEqual([
      { personId: 'p1', name: '[已删除]' },
      { personId: 'p2', name: '李四' },
    ]);
  });

  it('says there is no file when the world holds none', async () => {
    expect(petitionerView(await worldOf(), 'p9', plainPersonalData)).toEqual({ personId: 'p9', name: MISSING_PERSON_TEXT });
  });
});

describe('plainPersonalData (tests only)', () => {
  const person = (data: string): RegisteredPerson => ({
    status: 'registered',
    personId: 'p',
    registeredAt: '2024-10-01T09:00:00+08:00',
    sealed: { keyId: 'k', iv: '-', data, tag: '-' },
  });

  it('reads the sealed data as JSON, checked against the PersonalData codec', () => {
    expect(plainPersonalData.read(person(JSON.stringify(P1)))).toEqual(P1);
  });

  it('reads data that is not JSON, or not personal data, as unreadable', () => {
    expect(plainPersonalData.read(person('Y2lwaGVy'))).toBeUndefined();
    expect(plainPersonalData.read(person(JSON.stringify({ phone: '13800000001' })))).toBeUndefined();
    expect(plainPersonalData.read(person(JSON.stringify({ name: '张三', idNumber: '123' })))).toBeUndefined();
  });
});
