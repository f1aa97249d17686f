import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  ERASED_TEXT,
  IdNumber,
  PersonEvent,
  PersonalData,
  PetitionerInput,
  Phone,
  idNumberCheckDigit,
  isIdNumber,
  maskIdNumber,
  maskName,
  maskPhone,
  personDecider,
  personEventTime,
  personStream,
  type PersonCommand,
  type PersonEvent as Event,
} from './person';
import { decodeWith } from './validation';

const spec = deciderSpec(personDecider);
const sealed = { keyId: 'k-p1', iv: 'aXY=', data: 'Y2lwaGVy', tag: 'dGFn' };
const digest = 'a'.repeat(64);
const register: PersonCommand = {
  type: 'RegisterPerson',
  data: { personId: 'p1', registeredAt: '2024-09-18T09:30:00+08:00', idNumberDigest: digest, sealed },
};
const registered: Event = { type: 'PersonRegistered', data: register.data };
const erase: PersonCommand = { type: 'ErasePerson', data: { personId: 'p1', at: '2024-10-08T10:00:00+08:00' } };
const erased: Event = { type: 'PersonErased', data: erase.data };

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(PetitionerInput, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('resident id numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    expect(idNumberCheckDigit('35058219900101123')).toBe('1');
    expect(idNumberCheckDigit('44030419850101001')).toBe('3');
  });

  it('accepts a valid number and refuses a wrong check character, a bad birth date or a bad shape', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('350582199001011231')).toBe(true);
    expect(isIdNumber('350582199001011234')).toBe(false); // the masking example of API.md: its check character is wrong
    expect(isIdNumber('350582199002301234')).toBe(false); // 30 February
    expect(isIdNumber('35058219900101123')).toBe(false);
    expect(isIdNumber('3505821990010112X1')).toBe(false);
  });

  it('normalises spaces and a lowercase x when decoding', () => {
    expect(decodeWith(IdNumber, ' 11010519491231002x ')).toEqual({ _tag: 'Right', right: '11010519491231002X' });
    expect(IdNumber.is('11010519491231002X')).toBe(true);
    expect(IdNumber.is('11010519491231002x')).toBe(false);
    expect(isRight(IdNumber.decode(110105194912310020))).toBe(false);
  });
});

describe('phone numbers', () => {
  it('accepts a mobile or a landline and refuses the rest', () => {
    for (const good of ['15800009011', '0591-87654321', '87654321', '0591-87654321-123', ' 15800009011 '])
      expect(isRight(Phone.decode(good)), good).toBe(true);
    for (const bad of [
      '123456',
      '0591--8765432',
      '-05918765432',
      '158 0000 9011',
      '+8615800009011',
      '1'.repeat(21),
      15800009011,
    ])
      expect(isRight(Phone.decode(bad)), String(bad)).toBe(false);
    expect(Phone.is('15800009011')).toBe(true);
    expect(Phone.is(' 15800009011')).toBe(false);
  });
});

describe('masking', () => {
  it('masks as API.md shows', () => {
    expect(maskIdNumber('350582199001011234')).toBe('350582********1234');
    expect(maskPhone('15800009011')).toBe('158****9011');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张**');
  });

  it('masks short or odd values without showing more', () => {
    expect(maskPhone('0591-87654321')).toBe('059******4321');
    expect(maskPhone('8765432')).toBe('***5432');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
    expect(maskName(' 𠮷野家 ')).toBe('𠮷**');
    expect(maskName('  ')).toBe('');
  });

  it('leaves the text of erased data as it is', () => {
    expect(maskName(ERASED_TEXT)).toBe(ERASED_TEXT);
    expect(maskPhone(ERASED_TEXT)).toBe(ERASED_TEXT);
    expect(maskIdNumber(ERASED_TEXT)).toBe(ERASED_TEXT);
  });
});

describe('PetitionerInput', () => {
  it('decodes a petitioner with or without the optional fields', () => {
    const full = {
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '15800009011',
      address: '青阳街道1号',
      personId: 'p1',
    };
    expect(decodeWith(PetitionerInput, full)).toEqual({ _tag: 'Right', right: full });
    expect(decodeWith(PetitionerInput, { name: '张三', extra: 1 })).toEqual({ _tag: 'Right', right: { name: '张三' } });
  });

  it('names the path of a missing field, a wrong type and a bad value', () => {
    expect(badPaths({ phone: '15800009011' })).toEqual(['name']);
    expect(badPaths({ name: 3 })).toEqual(['name']);
    expect(badPaths({ name: '张三', idNumber: '350582199001011234' })).toEqual(['idNumber']);
    expect(badPaths({ name: '张三', phone: '12345' })).toEqual(['phone']);
    expect(badPaths({ name: '张三', personId: 'p 1' })).toEqual(['personId']);
  });

  it('has a codec for the data the app seals', () => {
    expect(isRight(PersonalData.decode({ name: '张三', phone: '15800009011' }))).toBe(true);
    expect(isRight(PersonalData.decode({ phone: '15800009011' }))).toBe(false);
  });
});

describe('person', () => {
  it('registers a person with their sealed data', () => {
    expectEvents(spec.given([]).when(register), [registered]);
  });

  it('registers a person without an id number, and copies only the sealed fields', () => {
    const data = { personId: 'p2', registeredAt: '2024-09-18T09:30:00+08:00', sealed: { ...sealed, name: '张三' } };
    expectEvents(spec.given([]).when({ type: 'RegisterPerson', data }), [
      { type: 'PersonRegistered', data: { personId: 'p2', registeredAt: '2024-09-18T09:30:00+08:00', sealed } },
    ]);
  });

  it('refuses a second registration, even after erasure', () => {
    expectRefusal(spec.given([registered]).when(register), 'personAlreadyExists');
    expectRefusal(spec.given([registered, erased]).when(register), 'personAlreadyExists');
  });

  it('erases a registered person', () => {
    expectEvents(spec.given([registered]).when(erase), [erased]);
  });

  it('refuses to erase an unknown or already erased person', () => {
    expectRefusal(spec.given([]).when(erase), 'personNotFound');
    expect(expectRefusal(spec.given([registered, erased]).when(erase), 'personAlreadyErased').details).toEqual({
      personId: 'p1',
      erasedAt: '2024-10-08T10:00:00+08:00',
    });
  });

  it('folds to the file, and forgets the sealed data and the digest on erasure', () => {
    expect(fold(personDecider, [registered])).toEqual({ status: 'registered', ...register.data });
    const withoutDigest: Event = {
      type: 'PersonRegistered',
      data: { personId: 'p1', registeredAt: '2024-09-18T09:30:00+08:00', sealed },
    };
    expect(fold(personDecider, [withoutDigest])).not.toHaveProperty('idNumberDigest');
    expect(fold(personDecider, [registered, erased])).toEqual({
      status: 'erased',
      personId: 'p1',
      registeredAt: '2024-09-18T09:30:00+08:00',
      erasedAt: '2024-10-08T10:00:00+08:00',
    });
  });

  it('ignores events that do not apply', () => {
    expect(fold(personDecider, [erased])).toEqual({ status: 'none' });
    const afterErasure = fold(personDecider, [registered, erased]);
    expect(fold(personDecider, [registered, erased, registered, erased])).toEqual(afterErasure);
    expect(personDecider.evolve(afterErasure, { type: 'Unknown' } as unknown as Event)).toBe(afterErasure);
  });

  it('names its stream and the business time of each event', () => {
    expect(personStream('p1')).toBe('person-p1');
    expect(personEventTime(registered)).toBe('2024-09-18T09:30:00+08:00');
    expect(personEventTime(erased)).toBe('2024-10-08T10:00:00+08:00');
  });

  it('decodes its stored events, and refuses a digest that is not lowercase hex or plain text beside the sealed data', () => {
    expect(isRight(PersonEvent.decode(registered))).toBe(true);
    expect(isRight(PersonEvent.decode(erased))).toBe(true);
    expect(
      isRight(PersonEvent.decode({ ...registered, data: { ...registered.data, idNumberDigest: 'A'.repeat(64) } })),
    ).toBe(false);
    const decoded = PersonEvent.decode({
      ...registered,
      data: { ...registered.data, sealed: { ...sealed, name: '张三' } },
    });
    expect(decoded).toEqual({ _tag: 'Right', right: registered });
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => personDecider.decide({ type: 'Bogus' } as never, personDecider.initialState)).toThrow(/Bogus/);
  });
});
