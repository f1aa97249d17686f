import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, InstantC, Text, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';
import { isLocalDate } from './time';

/*
 * A petitioner's file (一人一档, `person-<id>`). Personal data never enters an event in plain text: the
 * app seals it with a key of this person's own, and forgetting the person destroys that key
 * (crypto-shredding), so the log stays immutable and still forgets. The domain sees only opaque strings.
 */

// ——— Chinese resident id numbers (GB 11643) ———

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident id number. */
export const idNumberCheckDigit = (first17: string): string =>
  ID_CHECK_CHARS.charAt(ID_WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(first17.charAt(i)), 0) % 11);

/** Whether `value` is an 18-character resident id number: region, a real birth date, sequence, check character. */
export const isIdNumber = (value: string): boolean =>
  /^\d{17}[\dX]$/.test(value) &&
  isLocalDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`) &&
  idNumberCheckDigit(value) === value.charAt(17);

/** A resident id number. Surrounding spaces and a lowercase `x` are normalised, so that equal ids hash equal. */
export const IdNumber = new t.Type<string, string, unknown>(
  'IdNumber',
  (u): u is string => typeof u === 'string' && isIdNumber(u),
  (u, context) => {
    const value = typeof u === 'string' ? u.trim().toUpperCase() : '';
    return isIdNumber(value) ? t.success(value) : t.failure(u, context);
  },
  t.identity,
);

const MOBILE = /^1\d{10}$/;
const LANDLINE = /^(?=.{7,20}$)\d+(?:-\d+)*$/; // 0591-87654321, 87654321, 0591-87654321-123

/** A mobile number (11 digits from 1) or a landline (digits and `-`, 7–20 characters). */
export const Phone = new t.Type<string, string, unknown>(
  'Phone',
  (u): u is string => typeof u === 'string' && (MOBILE.test(u) || LANDLINE.test(u)),
  (u, context) => {
    const value = typeof u === 'string' ? u.trim() : '';
    return MOBILE.test(value) || LANDLINE.test(value) ? t.success(value) : t.failure(u, context);
  },
  t.identity,
);

/** One petitioner in the body of `POST /cases` and `POST /visits`. */
export const PetitionerInput = struct(
  { name: Text },
  { idNumber: IdNumber, phone: Phone, address: Text, personId: Id },
  'PetitionerInput',
);
export type PetitionerInput = t.TypeOf<typeof PetitionerInput>;

/** What the app seals into a person's file (and reads back after opening it). */
export const PersonalData = struct({ name: Text }, { idNumber: IdNumber, phone: Phone, address: Text }, 'PersonalData');
export type PersonalData = t.TypeOf<typeof PersonalData>;

// ——— masking: what every role but `office` sees ———

/** What personal data reads as once its key is destroyed. */
export const ERASED_TEXT = '[已删除]';

// By code point, so that a rare character outside the BMP is never cut in half. A value too short to keep
// both ends keeps only the end, and one no longer than the end is hidden whole.
const maskMiddle = (value: string, keepStart: number, keepEnd: number): string => {
  if (value === ERASED_TEXT) return value;
  const chars = Array.from(value);
  const start = chars.length > keepStart + keepEnd ? keepStart : 0;
  const end = chars.length > keepEnd ? keepEnd : 0;
  return [...chars.slice(0, start), '*'.repeat(chars.length - start - end), ...chars.slice(chars.length - end)].join(
    '',
  );
};

/** `350582199001011234` → `350582********1234`. */
export const maskIdNumber = (idNumber: string): string => maskMiddle(idNumber, 6, 4);

/** `15800009011` → `158****9011`. */
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);

/** `张三丰` → `张**`: the surname, then always two stars, so that the length does not tell either. */
export const maskName = (name: string): string => {
  if (name === ERASED_TEXT) return name;
  const [first] = Array.from(name.trim());
  return first === undefined ? '' : `${first}**`;
};

// ——— the aggregate ———

/** A lowercase hex keyed hash (HMAC) of the id number, made by the app: equal ids match without the plain text. */
export const IdNumberDigest = t.refinement(t.string, (s) => /^[0-9a-f]{32,128}$/.test(s), 'IdNumberDigest');

/** Personal data sealed by the app (AES-GCM or alike); exact, so that no plain-text field slips through. */
export const SealedPersonalData = struct(
  { keyId: t.string, iv: t.string, data: t.string, tag: t.string },
  {},
  'SealedPersonalData',
);
export type SealedPersonalData = t.TypeOf<typeof SealedPersonalData>;

const RegisterPersonData = struct(
  { personId: Id, registeredAt: InstantC, sealed: SealedPersonalData },
  { idNumberDigest: IdNumberDigest },
);
const ErasePersonData = struct({ personId: Id, at: InstantC }, {});

export type PersonCommand =
  | { type: 'RegisterPerson'; data: t.TypeOf<typeof RegisterPersonData> }
  | { type: 'ErasePerson'; data: t.TypeOf<typeof ErasePersonData> };

export const PersonRegistered = t.type(
  { type: t.literal('PersonRegistered'), data: RegisterPersonData },
  'PersonRegistered',
);
export type PersonRegistered = t.TypeOf<typeof PersonRegistered>;
/** The key is gone; the event records when, so that the file reads `[已删除]` from then on. */
export const PersonErased = t.type({ type: t.literal('PersonErased'), data: ErasePersonData }, 'PersonErased');
export type PersonErased = t.TypeOf<typeof PersonErased>;

export const PersonEvent = t.union([PersonRegistered, PersonErased], 'PersonEvent');
export type PersonEvent = t.TypeOf<typeof PersonEvent>;

export type PersonState =
  | { status: 'none' }
  | {
      status: 'registered';
      personId: string;
      registeredAt: string;
      idNumberDigest?: string;
      sealed: SealedPersonalData;
    }
  // The digest goes with the erasure too: a returning petitioner must not be matched to a forgotten file.
  | { status: 'erased'; personId: string; registeredAt: string; erasedAt: string };

export const personStream = (personId: string): string => `person-${personId}`;

export const personEventTime = (event: PersonEvent): string =>
  event.type === 'PersonRegistered' ? event.data.registeredAt : event.data.at;

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'PersonRegistered': {
        if (state.status !== 'none') return state;
        const { personId, registeredAt, idNumberDigest, sealed } = event.data;
        return {
          status: 'registered',
          personId,
          registeredAt,
          sealed,
          ...(idNumberDigest === undefined ? {} : { idNumberDigest }),
        };
      }
      case 'PersonErased':
        if (state.status !== 'registered') return state;
        return {
          status: 'erased',
          personId: state.personId,
          registeredAt: state.registeredAt,
          erasedAt: event.data.at,
        };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterPerson': {
        if (state.status !== 'none')
          return left(
            domainError('personAlreadyExists', '该人员档案已存在', 'the person already has a file', {
              personId: command.data.personId,
            }),
          );
        const { personId, registeredAt, idNumberDigest, sealed } = command.data;
        const { keyId, iv, data, tag } = sealed;
        return right([
          {
            type: 'PersonRegistered',
            data: {
              personId,
              registeredAt,
              ...(idNumberDigest === undefined ? {} : { idNumberDigest }),
              sealed: { keyId, iv, data, tag },
            },
          },
        ]);
      }
      case 'ErasePerson': {
        const { personId, at } = command.data;
        if (state.status === 'none')
          return left(domainError('personNotFound', '未找到该人员档案', 'no such person', { personId }));
        if (state.status === 'erased')
          return left(
            domainError('personAlreadyErased', '该人员信息已删除', 'the person was already erased', {
              personId,
              erasedAt: state.erasedAt,
            }),
          );
        return right([{ type: 'PersonErased', data: { personId, at } }]);
      }
      default:
        return assertNever(command);
    }
  },
};
