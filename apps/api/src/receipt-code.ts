import { createHash, randomInt } from 'node:crypto';

/*
 * The query code on a petitioner's receipt (回执查询码): 16 characters from an alphabet without the
 * look-alikes 0/O and 1/I, 80 random bits, printed in groups of four (`K7QM-3XHT-9RPD-WB2C`). It names
 * the case to nobody but its holder: it is not the case id, and only its hash is kept.
 */

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 16;

/** A code as typed, made comparable: capitals, without the spaces and dashes between groups. */
export const normalReceiptCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** Whether a typed code could be one at all (a guess that is not is refused without a look-up). */
export const isReceiptCodeShape = (typed: string): boolean =>
  typed.length <= 40 && new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normalReceiptCode(typed));

export const newReceiptCode = (): string => {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
};

/** Only this is stored of a code; it is the same however the code was typed. */
export const receiptHash = (code: string): string => createHash('sha256').update(`receipt\u0000${normalReceiptCode(code)}`, 'utf8').digest('hex');
