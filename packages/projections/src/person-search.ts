import {
  compareInstants,
  type Instant,
  isRegisteredBy,
  personStream,
} from '@xinfang/domain';
import { compareText, petitionerRefsAt, type Paging } from './ledger';
import { existingCases } from './lookups';
import type { PersonalDataReader, RegisteredPerson } from './personal-data';
import type { ReferenceList } from './reference-lists';
import type { World } from './world';

/*
 * Finding a petitioner's file (API.md v1.1, `GET /persons?q=`): by name or phone, read from each file as
 * the reader opens it, or by id number — never read back from the files: the caller looks the keyed hash of
 * the id number up in the person index (`findPersonIds`, as a registration matches a returning
 * petitioner) and brings the files it names.
 */

export type PersonSearch =
  | { readonly by: 'personIds'; readonly personIds: readonly string[] }
  /** A part of the name, or of the phone number (digits only). */
  | { readonly by: 'text'; readonly text: string };

export interface PersonSearchRow {
  readonly personId: string;
  readonly name: string;
  /** How many cases and visits the person is on at T (as in their 一人一档). */
  readonly cases: number;
  readonly visits: number;
}

const DIGITS = /^\d+$/;

const matches = (person: RegisteredPerson, search: PersonSearch, personal: PersonalDataReader): string | undefined => {
  const data = personal.read(person);
  if (data === undefined) return undefined;
  if (search.by === 'personIds') return data.name;
  const byPhone = DIGITS.test(search.text) && data.phone !== undefined && data.phone.includes(search.text);
  return data.name.includes(search.text) || byPhone ? data.name : undefined;
};

/** Counts, for every person, the cases and visits they are on at T: one pass over the cases. */
const involvement = (world: World, T: Instant): Map<string, { cases: number; visits: number }> => {
  const counts = new Map<string, { cases: number; visits: number }>();
  const of = (personId: string) => {
    let count = counts.get(personId);
    if (count === undefined) counts.set(personId, (count = { cases: 0, visits: 0 }));
    return count;
  };
  for (const s of existingCases(world)) {
    if (!isRegisteredBy(s, T)) continue;
    for (const p of petitionerRefsAt(s, T)) of(p.personId).cases += 1;
    for (const v of s.visits) {
      if (compareInstants(v.receivedAt, T) > 0) continue;
      for (const p of v.petitioners) of(p.personId).visits += 1;
    }
  }
  return counts;
};

/** The files that match, in id order, paged; a forgotten person (key destroyed) is never found. */
export const personSearch = (
  world: World,
  T: Instant,
  search: PersonSearch,
  paging: Paging,
  personal: PersonalDataReader,
): ReferenceList<PersonSearchRow> => {
  const found: { personId: string; name: string }[] = [];
  const candidates = search.by === 'personIds' ? search.personIds.map((id) => world.person.get(personStream(id))) : world.person.values();
  for (const person of candidates) {
    if (person?.status !== 'registered') continue;
    const name = matches(person, search, personal);
    if (name !== undefined) found.push({ personId: person.personId, name });
  }
  found.sort((a, b) => compareText(a.personId, b.personId));
  const offset = paging.offset ?? 0;
  const page = found.slice(offset, paging.limit === undefined ? undefined : offset + paging.limit);
  const counts = page.length === 0 ? new Map<string, { cases: number; visits: number }>() : involvement(world, T);
  return {
    total: found.length,
    rows: page.map((row) => ({ ...row, ...(counts.get(row.personId) ?? { cases: 0, visits: 0 }) })),
  };
};
