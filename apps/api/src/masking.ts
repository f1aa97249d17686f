import type { Context } from 'hono';
import { ERASED_TEXT, maskIdNumber, maskName, maskPhone } from '@xinfang/domain';
import { MISSING_PERSON_TEXT, type PetitionerView } from '@xinfang/projections';
import { roleOf } from './auth';
import type { AppEnv } from './env';
import { seesPersonalData, type Role } from './roles';

/*
 * Personal data as each role may see it (API.md: masked for every role but `office`). What a masked
 * petitioner shows:
 *
 * - `idNumber` `350582199001011234` → `350582********1234` (region and last four, as API.md shows);
 * - `phone` `15800009011` → `158****9011` (as API.md shows);
 * - `name` `张三丰` → `张**`: API.md is silent; the surname and always two stars, so that neither the
 *   given name nor its length shows;
 * - `address`: API.md is silent; the first six characters (province and city, 福建省泉州市) and then
 *   `****`, whatever the length: the street and door number are what identifies a person;
 * - `personId` stays: every petitioner carries it (API.md), and it is an opaque id, not personal data.
 *
 * `[已删除]` (a forgotten person) and `[无档案]` (no file in the view) are not personal data and stay.
 *
 * Masking is not left to each endpoint: `forRole` walks a whole response body and masks every
 * petitioner it finds (any object with a string `personId` and a string `name`) — in ledger rows, case
 * and person files, visits, the screening report and the rows of the CSV/XLSX exports alike. Every query
 * route answers through `personalJson` or passes its rows through `forRole` before writing a file.
 */

/** How many characters of an address a masked view keeps. */
export const ADDRESS_KEPT = 6;

const STARS = '****';

/** `福建省泉州市晋江市青阳街道…` → `福建省泉州市****`; a short address is hidden whole. */
export const maskAddress = (address: string): string => {
  if (address === ERASED_TEXT) return address;
  const chars = Array.from(address.trim());
  return chars.length > ADDRESS_KEPT ? `${chars.slice(0, ADDRESS_KEPT).join('')}${STARS}` : STARS;
};

const maskPersonName = (name: string): string => (name === ERASED_TEXT || name === MISSING_PERSON_TEXT ? name : maskName(name));

/** One petitioner as every role but `office` sees them. */
export const maskPetitioner = <P extends PetitionerView>(p: P): P => ({
  ...p,
  name: maskPersonName(p.name),
  ...(p.idNumber === undefined ? {} : { idNumber: maskIdNumber(p.idNumber) }),
  ...(p.phone === undefined ? {} : { phone: maskPhone(p.phone) }),
  ...(p.address === undefined ? {} : { address: maskAddress(p.address) }),
});

const isPetitioner = (value: object): value is PetitionerView =>
  typeof (value as { personId?: unknown }).personId === 'string' && typeof (value as { name?: unknown }).name === 'string';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A copy of a JSON-like value with every petitioner in it masked (arrays and plain objects are walked). */
export const maskPersonalData = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item: unknown) => maskPersonalData(item)) as T;
  if (!isPlainObject(value)) return value;
  const walked = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskPersonalData(inner)]));
  return (isPetitioner(walked) ? maskPetitioner(walked) : walked) as T;
};

/** The value as a role may see it: as is for `office`, masked for everyone else. */
export const forRole = <T>(role: Role, value: T): T => (seesPersonalData(role) ? value : maskPersonalData(value));

/** Answers JSON with the body masked for the caller's role: the one way a query route answers. */
export const personalJson = <T>(c: Context<AppEnv>, body: T) => c.json(forRole(roleOf(c), body) as object);
