import { idNumberCheckDigit } from '@xinfang/domain';
import { dateOf, dayNumber } from './clock';
import { addressIn, type CommunityPlace } from './places';
import { Stream, chance, int, pick, rngFor, weighted, type Random } from './random';

/*
 * Petitioners. A person is a pure function of the seed and a person number, so a returning petitioner is
 * the same name, id number, phone and address however far apart their cases are, without keeping anyone
 * in memory. Id numbers are a bijection of the person number (never two people with one number): the
 * number picks a birth date (1952–2003) and a three-digit sequence; the sequence's last digit says the sex
 * (odd: male), and the given name follows it.
 */

/** 晋江市 (泉州) in GB/T 2260. */
export const JINJIANG_AREA_CODE = '350582';

const FIRST_BIRTH_DAY = dayNumber('1952-01-01');
const LAST_BIRTH_DAY = dayNumber('2003-12-31');
const BIRTH_DAYS = LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1;
/** How many distinct people the id numbers can tell apart. */
export const PERSON_CAPACITY = BIRTH_DAYS * 1000;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const MULTIPLIER = [7_368_787, 7_368_811, 9_999_991, 15_485_863].find((p) => gcd(p, PERSON_CAPACITY) === 1) ?? 1;

/** (a × b) mod m without losing precision above 2^53. */
const mulMod = (a: number, b: number, m: number): number => Number((BigInt(a) * BigInt(b)) % BigInt(m));

/** The id number of person `n` (0-based), unique for every n below PERSON_CAPACITY. */
export const idNumberOf = (seed: number, n: number): string => {
  const offset = (seed >>> 0) % PERSON_CAPACITY;
  const x = (mulMod(n % PERSON_CAPACITY, MULTIPLIER, PERSON_CAPACITY) + offset) % PERSON_CAPACITY;
  const birth = dateOf(FIRST_BIRTH_DAY + Math.floor(x / 1000)).replaceAll('-', '');
  const first17 = `${JINJIANG_AREA_CODE}${birth}${String(x % 1000).padStart(3, '0')}`;
  return `${first17}${idNumberCheckDigit(first17)}`;
};

const SURNAMES = {
  陈: 12, 林: 8, 黄: 6, 许: 6, 施: 6, 吴: 6, 王: 6, 蔡: 5, 洪: 5, 张: 5, 李: 5, 庄: 4, 苏: 4, 丁: 3,
  郑: 3, 杨: 3, 柯: 2, 刘: 2, 曾: 2, 颜: 2, 周: 2, 粘: 1, 董: 1, 姚: 1, 龚: 1, 尤: 1,
} as const;
const MALE = '伟强明辉志建国文华荣清福金水海龙峰俊杰斌晓鸿振德顺永成家忠勇泉源煌锦铭宏炳耀培东南';
const FEMALE = '丽美秀玲芳燕娟红霞梅婷雅琳静惠珍碧月兰英淑萍雪莉佳欣晶凤桂玉丹素';

/** A Chinese name: a surname of the area, then one or two characters fitting the sex. */
export const chineseName = (random: Random, male: boolean): string => {
  const chars = male ? MALE : FEMALE;
  const surname = weighted(random, SURNAMES);
  const given = Array.from({ length: chance(random, 0.85) ? 2 : 1 }, () => chars.charAt(Math.floor(random() * chars.length)));
  if (given.length === 2 && given[0] === given[1] && chance(random, 0.7)) given.pop();
  return `${surname}${given.join('')}`;
};

const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188',
  '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '181', '189', '177', '199', '198',
];

/** An 11-digit mobile number. */
export const mobile = (random: Random): string => `${pick(random, MOBILE_PREFIXES)}${String(int(random, 0, 99_999_999)).padStart(8, '0')}`;

export interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
}

/** Person `n`, living in `home`. */
export const personOf = (seed: number, n: number, home: CommunityPlace): Person => {
  const idNumber = idNumberOf(seed, n);
  const male = Number(idNumber.charAt(16)) % 2 === 1;
  const random = rngFor(seed, Stream.person, n);
  return { name: chineseName(random, male), idNumber, phone: mobile(random), address: addressIn(random, home) };
};
