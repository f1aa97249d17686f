import { isRight } from 'fp-ts/Either';
import { ERASED_TEXT, PersonalData as PersonalDataCodec, personStream, type PersonState } from '@xinfang/domain';
import type { World } from './world';

/*
 * Petitioners as the ledgers show them. Personal data lives only in the person stream, sealed with that
 * person's own key; the read side cannot open it by itself, so every ledger takes a reader: the app's
 * reader decrypts, and says `undefined` once the key is destroyed (the person was forgotten). Masking is
 * not done here: the API masks by role. Nothing in this module logs or keeps what it reads.
 */

/** `{name, idNumber?, phone?, address?}`: what a person file seals (the domain's `PersonalData`). */
export type PersonalData = PersonalDataCodec;

/** A person file that still holds sealed data. */
export type RegisteredPerson = Extract<PersonState, { status: 'registered' }>;

/** Opens a person's sealed data: `undefined` when it cannot (the key is destroyed or the data is unreadable). */
export interface PersonalDataReader {
  read(person: RegisteredPerson): PersonalData | undefined;
}

/** A petitioner in a ledger row, case file or person file; always with its `personId`. */
export interface PetitionerView {
  readonly personId: string;
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
}

/**
 * What the name reads when the view holds no file for the person at all (the file was registered, by
 * business time, after the view's `asOf`, or never). Not `[已删除]`: nothing was forgotten.
 */
export const MISSING_PERSON_TEXT = '[无档案]';

/** The petitioner as the view shows them: `[已删除]` alone for a forgotten person or an unreadable file. */
export const petitionerView = (world: World, personId: string, personal: PersonalDataReader): PetitionerView => {
  const person = world.person.get(personStream(personId));
  if (person === undefined || person.status === 'none') return { personId, name: MISSING_PERSON_TEXT };
  if (person.status === 'erased') return { personId, name: ERASED_TEXT };
  const data = personal.read(person);
  if (data === undefined) return { personId, name: ERASED_TEXT };
  return {
    personId,
    name: data.name,
    ...(data.idNumber === undefined ? {} : { idNumber: data.idNumber }),
    ...(data.phone === undefined ? {} : { phone: data.phone }),
    ...(data.address === undefined ? {} : { address: data.address }),
  };
};

/** Every petitioner of a list of references, in order. */
export const petitionerViews = (
  world: World,
  refs: readonly { readonly personId: string }[],
  personal: PersonalDataReader,
): PetitionerView[] => refs.map((ref) => petitionerView(world, ref.personId, personal));

/**
 * For tests and demos only: reads `sealed.data` as plain JSON (`{name, idNumber?, phone?, address?}`),
 * as the scenarios write it. Data that is not such JSON reads as unreadable.
 */
export const plainPersonalData: PersonalDataReader = {
  read: (person) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(person.sealed.data);
    } catch {
      return undefined;
    }
    const decoded = PersonalDataCodec.decode(parsed);
    return isRight(decoded) ? decoded.right : undefined;
  },
};
