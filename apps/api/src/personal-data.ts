import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PersonState, SealedPersonalData } from '@xinfang/domain';
import type { PersonalData, PersonalDataReader } from '@xinfang/projections';
import type { AppDatabase } from './app-database';

/*
 * Personal data is sealed with AES-256-GCM under a key of the person's own, kept in the app database and
 * never in the log. Erasing a person destroys the key: the sealed bytes stay in the events (the hash
 * chain still verifies) but can never be read again.
 */

const ALGORITHM = 'aes-256-gcm';

export const seal = (key: Buffer, keyId: string, data: PersonalData): SealedPersonalData => {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { keyId, iv: iv.toString('base64'), data: body.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
};

/** The data, or undefined when it cannot be opened with this key (a wrong key, or tampered bytes). */
export const unseal = (key: Buffer, sealed: SealedPersonalData): PersonalData | undefined => {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealed.keyId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as PersonalData;
  } catch {
    return undefined;
  }
};

/**
 * The keyed hash (HMAC-SHA-256) that matches a returning petitioner by id number without storing it in
 * plain text: without the secret, the digest cannot be tested against the small space of id numbers.
 */
export const idNumberDigest = (secret: Buffer, idNumber: string): string =>
  createHmac('sha256', secret).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');

/** Reads a person's data with their key; undefined once the key is destroyed. */
export const vaultPersonalData = (database: { readonly keys: Pick<AppDatabase['keys'], 'find'> }): PersonalDataReader => ({
  read: (person: Extract<PersonState, { status: 'registered' }>) => {
    const key = database.keys.find(person.personId);
    return key === undefined ? undefined : unseal(key, person.sealed);
  },
});
