import { describe, expect, it } from 'vitest';
import { ERASED_TEXT } from '@xinfang/domain';
import { MISSING_PERSON_TEXT } from '@xinfang/projections';
import { forRole, maskAddress, maskPersonalData, maskPetitioner } from './masking';

const zhang = {
  personId: 'p-1',
  name: '张三丰',
  idNumber: '350582199001012234',
  phone: '15800009011',
  address: '福建省泉州市晋江市青阳街道阳光路12号',
};

describe('maskPetitioner', () => {
  it('masks the id number, phone, name and address as documented; keeps the personId', () => {
    expect(maskPetitioner(zhang)).toEqual({
      personId: 'p-1',
      name: '张**',
      idNumber: '350582********2234',
      phone: '158****9011',
      address: '福建省泉州市****',
    });
  });

  it('leaves absent fields absent and the placeholders as they are', () => {
    expect(maskPetitioner({ personId: 'p-2', name: ERASED_TEXT })).toEqual({ personId: 'p-2', name: ERASED_TEXT });
    expect(maskPetitioner({ personId: 'p-3', name: MISSING_PERSON_TEXT })).toEqual({ personId: 'p-3', name: MISSING_PERSON_TEXT });
  });

  it('hides a short address whole', () => {
    expect(maskAddress('青阳街道')).toBe('****');
  });
});

describe('maskPersonalData / forRole', () => {
  const body = {
    asOf: '2024-09-25T12:00:00+08:00',
    total: 1,
    rows: [{ seq: 1, caseId: 'c1', leader: { leaderId: 'L01', name: '陈主任' }, petitioners: [zhang] }],
    petitioner: zhang,
    visits: [{ visitId: 'v1', petitioners: [{ ...zhang, personId: 'p-9' }] }],
  };

  it('masks every petitioner wherever it is in the body, and nothing else', () => {
    const masked = maskPersonalData(body);
    expect(masked.rows[0]!.petitioners[0]!.idNumber).toBe('350582********2234');
    expect(masked.petitioner.name).toBe('张**');
    expect(masked.visits[0]!.petitioners[0]).toMatchObject({ personId: 'p-9', phone: '158****9011' });
    expect(masked.rows[0]!.leader).toEqual({ leaderId: 'L01', name: '陈主任' });
    expect(masked.asOf).toBe(body.asOf);
    expect(JSON.stringify(masked)).not.toContain(zhang.idNumber);
    expect(body.petitioner.name).toBe('张三丰'); // a copy: the input is untouched
  });

  it('shows the office everything and masks for every other role', () => {
    expect(forRole({ kind: 'office' }, body)).toBe(body);
    for (const role of [
      { kind: 'auditor' },
      { kind: 'inspector' },
      { kind: 'community', communityId: 'qinghua' },
      { kind: 'leader', leaderId: 'L01' },
    ] as const) {
      expect(forRole(role, body).petitioner.idNumber).toBe('350582********2234');
    }
  });
});
