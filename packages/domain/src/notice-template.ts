import * as t from 'io-ts';
import { left, right, type Either } from 'fp-ts/Either';
import { InstantC, refined, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError, type DomainError } from './errors';
import { missingPlaceholders, unknownPlaceholders } from './notice';
import { NoticeKind, type NoticeKind as Kind } from './notice-kind';

/*
 * The templates of the written notices (notice.ts), which the office edits without a release: its own
 * name, the text of its seal, a notice's title and wording, with `{占位符}` for the case's facts. Each
 * change is an event of one stream, so every template version stays readable and a printed notice, which
 * records the version it was filled into, can be printed again exactly as it was.
 */

export const NOTICE_TEMPLATES_STREAM = 'notice-templates';

/** Short text on one line (a name, a title, a seal): at most 100 characters, no line break. */
export const Line = refined<string>('Line', t.string, (s) => s.trim().length > 0 && [...s].length <= 100 && !/[\p{Cc}\p{Cs}]/u.test(s));
/** The wording: paragraphs separated by line breaks, at most 4,000 characters. */
export const Wording = refined<string>('Wording', t.string, (s) => s.trim().length > 0 && [...s].length <= 4_000 && !/(?![\n\r])[\p{Cc}\p{Cs}]/u.test(s));

const templateFields = { officeName: Line, sealText: Line, title: Line, body: Wording };
export const NoticeTemplate = struct(templateFields, {}, 'NoticeTemplate');
export type NoticeTemplate = t.TypeOf<typeof NoticeTemplate>;

/** `POST /notices/templates`: one kind's whole template, in force from `at` on. */
export const SetNoticeTemplateBody = struct({ kind: NoticeKind, ...templateFields, at: InstantC }, {}, 'SetNoticeTemplateBody');
export type SetNoticeTemplateBody = t.TypeOf<typeof SetNoticeTemplateBody>;

export type NoticeTemplateCommand = { type: 'SetNoticeTemplate'; data: SetNoticeTemplateBody };

export const NoticeTemplateSet = t.type(
  { type: t.literal('NoticeTemplateSet'), data: struct({ kind: NoticeKind, version: t.number, ...templateFields, at: InstantC }, {}) },
  'NoticeTemplateSet',
);
export const NoticeTemplateEvent = NoticeTemplateSet;
export type NoticeTemplateEvent = t.TypeOf<typeof NoticeTemplateSet>;

/** Every version of every kind's template the office set, oldest first (version n at index n − 1). */
export interface NoticeTemplateState {
  readonly versions: Readonly<Partial<Record<Kind, readonly NoticeTemplate[]>>>;
}

export const noticeTemplateEventTime = (event: NoticeTemplateEvent): string => event.data.at;

const OFFICE = '××街道信访工作办公室';
const SEAL = '××街道信访工作办公室（印章）';

/** Version 0 of each kind: the wording of the 2022 Regulations, until the office sets its own. */
export const defaultNoticeTemplates: Readonly<Record<Kind, NoticeTemplate>> = {
  acceptance: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项受理告知书',
    body:
      '你（你们）于{登记日期}提出的信访事项（{事项}），经审查，符合《信访工作条例》规定的受理条件，本机关已于{受理日期}依法受理。\n' +
      '本机关将依法办理，并于{办理期限}前出具处理意见。如有新的情况，请及时与本机关联系。\n' +
      '你可凭回执上的查询码查询办理进展。',
  },
  rejection: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项不予受理告知书',
    body:
      '你（你们）于{登记日期}提出的信访事项（{事项}），经审查，本机关于{决定日期}决定不予受理。\n' +
      '理由：{不予受理理由}。\n' +
      '请依照《信访工作条例》的规定，通过法定途径提出。',
  },
  transfer: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项转送交办告知书',
    body:
      '你（你们）于{登记日期}提出的信访事项（{事项}），本机关已于{转交日期}转送（交办）{承办单位}办理，办理期限至{办理期限}。\n' +
      '请与{承办单位}联系，该单位将依法处理并答复。',
  },
  extension: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项延期办理告知书',
    body:
      '你（你们）于{登记日期}提出的信访事项（{事项}），因{延期理由}，不能在原定期限（{原期限}）内办结。\n' +
      '经批准，办理期限延长至{延期后期限}。',
  },
  opinion: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项处理意见书',
    body:
      '你（你们）于{登记日期}提出的信访事项（{事项}），本机关已于{办结日期}办结（{办理方式}）。处理意见如下：\n' +
      '{处理意见}\n' +
      '如对本处理意见不服，可自收到本意见书之日起{复查申请天数}日内向本机关的上一级行政机关请求复查。',
  },
  review: {
    officeName: OFFICE,
    sealText: SEAL,
    title: '信访事项{层级}意见书',
    body: '你（你们）就信访事项（{事项}）提出的{层级}请求，本机关已于{决定日期}作出{层级}意见：{结论}原处理意见。\n{后续途径}',
  },
};

/** The template of this kind at this version (0: the built-in one), or undefined for a version never set. */
export const noticeTemplateAt = (state: NoticeTemplateState, kind: Kind, version: number): NoticeTemplate | undefined =>
  version === 0 ? defaultNoticeTemplates[kind] : state.versions[kind]?.[version - 1];

/** The template of this kind in force now, with its version. */
export const currentNoticeTemplate = (state: NoticeTemplateState, kind: Kind): { readonly version: number; readonly template: NoticeTemplate } => {
  const versions = state.versions[kind] ?? [];
  const last = versions[versions.length - 1];
  return last === undefined ? { version: 0, template: defaultNoticeTemplates[kind] } : { version: versions.length, template: last };
};

/** Sets a kind's template as its next version; refused when its title or wording names a placeholder the kind does not have. */
const setTemplate = (data: SetNoticeTemplateBody, state: NoticeTemplateState): Either<DomainError, NoticeTemplateEvent[]> => {
  const { kind, officeName, sealText, title, body, at } = data;
  for (const [field, text] of [['title', title], ['body', body]] as const) {
    const unknown = unknownPlaceholders(kind, text);
    if (unknown.length > 0) {
      return left(
        domainError(
          'unknownPlaceholder',
          `${field === 'title' ? '标题' : '正文'}中的占位符 {${unknown.join('}、{')}} 不是该告知书可用的`,
          `${field} names placeholders this notice does not have: ${unknown.join(', ')}`,
          { field, unknown },
        ),
      );
    }
  }
  const missing = missingPlaceholders(kind, `${title}\n${body}`);
  if (missing.length > 0) {
    return left(
      domainError(
        'missingPlaceholder',
        `正文须保留占位符 {${missing.join('}、{')}}：这是该告知书依规必须告知的内容`,
        `body must keep the placeholders ${missing.join(', ')}: what this notice must tell by the Regulations`,
        { field: 'body', missing },
      ),
    );
  }
  const version = (state.versions[kind]?.length ?? 0) + 1;
  return right([{ type: 'NoticeTemplateSet', data: { kind, version, officeName, sealText, title, body, at } }]);
};

export const noticeTemplateDecider: Decider<NoticeTemplateCommand, NoticeTemplateEvent, NoticeTemplateState> = {
  initialState: { versions: {} },
  evolve: (state, event) => {
    const { kind, officeName, sealText, title, body } = event.data;
    return { versions: { ...state.versions, [kind]: [...(state.versions[kind] ?? []), { officeName, sealText, title, body }] } };
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SetNoticeTemplate':
        return setTemplate(command.data, state);
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
