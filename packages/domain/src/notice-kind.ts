import * as t from 'io-ts';
import { Count } from './codecs';

/*
 * The kinds of written notice (notice.ts fills them, notice-template.ts keeps their wording) and how a
 * printed one is recorded on its case (the case's events name it, so this file needs nothing of the case).
 */

export const noticeKindLabels = {
  acceptance: '受理告知书',
  rejection: '不予受理告知书',
  transfer: '转送交办告知书',
  extension: '延期办理告知书',
  opinion: '信访事项处理意见书',
  review: '复查（复核）意见书',
} as const;
export const NoticeKind = t.keyof(noticeKindLabels, 'NoticeKind');
export type NoticeKind = t.TypeOf<typeof NoticeKind>;
export const noticeKinds = Object.keys(noticeKindLabels) as NoticeKind[];

/** A printed notice as its event records it: which one of the case's notices, and what it was printed from. */
export const NoticeRecord = t.type(
  {
    kind: NoticeKind,
    /** 1 for the case's first printed notice, and so on: with the case id, the notice's number (文号). */
    number: Count,
    /** The version of the template it was filled into (0: the built-in one). */
    templateVersion: t.number,
    /** Who printed it, as their token names them. */
    issuedBy: t.string,
  },
  'NoticeRecord',
);
export type NoticeRecord = t.TypeOf<typeof NoticeRecord>;

/** Whether a typed notice number could be one (`1`, `2`, …; the URL's and the CLI's `--number`). */
export const isNoticeNumber = (text: string): boolean => /^[1-9]\d{0,5}$/.test(text);

/** The notice's number (文号): the case id and the notice's place among the case's printed notices. */
export const noticeNumber = (caseId: string, number: number): string => `${caseId}-${number}`;

