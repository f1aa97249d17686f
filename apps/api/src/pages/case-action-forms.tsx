import {
  acceptanceDecisionLabels,
  channelLabels,
  escalationLevelLabels,
  fiveOnesLabels,
  levelLabels,
  methodLabels,
  outcomeLabels,
  reviewLevelLabels,
  reviewOutcomeLabels,
} from '@xinfang/domain';
import type { CaseAction } from '../case-access';
import type { CaseActionOffer } from './case-actions';
import { CsrfField } from './csrf';
import { idempotencyHeader, instantOfLocal, KEY_FIELD } from './form-values';
import type { Leader } from './case-page-data';
import { localInputValue } from './local-time';
import { casePagePath } from './case-path';


/*
 * The case page's action forms: one per action the role may take now (case-actions.ts), each with the
 * fields of its API body (API.md's command table) labelled in Chinese, posted to
 * /office/cases/{id}/{segment}. What a form posts is turned into the API's JSON body here: times typed as
 * Shanghai local time get their +08:00, yes/no fields become booleans, empty optional fields are left out.
 */

type Field =
  | { readonly name: string; readonly label: string; readonly kind: 'time' | 'date' | 'text' | 'textarea'; readonly optional?: boolean }
  | { readonly name: string; readonly label: string; readonly kind: 'select'; readonly options: Readonly<Record<string, string>> }
  | { readonly name: string; readonly label: string; readonly kind: 'leader' }
  | { readonly name: string; readonly label: string; readonly kind: 'yesNo' | 'checkbox' };

interface ActionForm {
  readonly title: string;
  readonly fields: readonly Field[];
}

const at = (label: string): Field => ({ name: 'at', label, kind: 'time' });

const FORMS: { readonly [T in CaseAction['type']]: ActionForm } = {
  DecideAcceptance: {
    title: '受理决定',
    fields: [{ name: 'decision', label: '决定', kind: 'select', options: acceptanceDecisionLabels }, at('决定时间'), { name: 'reason', label: '理由', kind: 'text', optional: true }],
  },
  AssignCase: {
    title: '交办（一案一策）',
    fields: [
      { name: 'responsibleUnit', label: '责任单位', kind: 'text' },
      { name: 'responsibleLeaderId', label: '责任领导', kind: 'leader' },
      { name: 'responsiblePerson', label: '责任人', kind: 'text' },
      { name: 'measures', label: '化解措施', kind: 'textarea' },
      { name: 'deadline', label: '化解时限', kind: 'date' },
      at('交办时间'),
    ],
  },
  PackageCase: { title: '领导包案', fields: [{ name: 'leaderId', label: '包案领导', kind: 'leader' }, at('包案时间')] },
  RecordFiveOnes: {
    title: '五个一',
    fields: [{ name: 'item', label: '事项', kind: 'select', options: fiveOnesLabels }, { name: 'detail', label: '内容', kind: 'textarea' }, at('时间')],
  },
  TransferCase: { title: '转办', fields: [{ name: 'toUnit', label: '转至单位', kind: 'text' }, at('转办时间'), { name: 'note', label: '说明', kind: 'text', optional: true }] },
  NotifyPetitioner: { title: '告知信访人', fields: [at('告知时间'), { name: 'content', label: '告知内容', kind: 'textarea' }] },
  RecordProgress: { title: '办理进展', fields: [at('时间'), { name: 'note', label: '进展', kind: 'textarea' }] },
  ExtendDeadline: {
    title: '延期',
    fields: [
      { name: 'newDeadline', label: '延期后时限', kind: 'date' },
      { name: 'reason', label: '延期理由', kind: 'text' },
      { name: 'approvedBy', label: '批准人', kind: 'text' },
      at('批准时间'),
    ],
  },
  ResolveCase: {
    title: '化解',
    fields: [
      at('化解时间'),
      { name: 'method', label: '化解方式', kind: 'select', options: methodLabels },
      { name: 'level', label: '化解层级', kind: 'select', options: levelLabels },
      { name: 'outcome', label: '化解结果', kind: 'select', options: outcomeLabels },
      { name: 'summary', label: '化解情况', kind: 'textarea' },
    ],
  },
  RecordSatisfaction: { title: '满意度回访', fields: [at('回访时间'), { name: 'satisfied', label: '信访人是否满意', kind: 'yesNo' }] },
  RecordRepeat: { title: '重复信访', fields: [at('时间'), { name: 'channel', label: '渠道', kind: 'select', options: channelLabels }] },
  RecordEscalation: {
    title: '越级上访',
    fields: [
      at('时间'),
      { name: 'level', label: '层级', kind: 'select', options: escalationLevelLabels },
      { name: 'collective', label: '集体访', kind: 'checkbox' },
      { name: 'abnormal', label: '非正常上访', kind: 'checkbox' },
    ],
  },
  ReopenCase: { title: '重新办理', fields: [at('时间'), { name: 'reason', label: '理由', kind: 'text' }] },
  RequestReview: { title: '申请复查/复核', fields: [{ name: 'level', label: '级别', kind: 'select', options: reviewLevelLabels }, at('申请时间')] },
  DecideReview: {
    title: '复查/复核决定',
    fields: [
      { name: 'level', label: '级别', kind: 'select', options: reviewLevelLabels },
      at('决定时间'),
      { name: 'outcome', label: '决定', kind: 'select', options: reviewOutcomeLabels },
    ],
  },
  CloseCase: { title: '息诉息访', fields: [at('息诉时间')] },
};

/** The hidden fields of every action form (not part of the API's body). */
export const REVISION_FIELD = '_revision';

/** The headers a posted action form sends with its command: If-Match and Idempotency-Key, when well formed. */
export const actionHeaders = (posted: Readonly<Record<string, unknown>>): Record<string, string> => {
  const revision = posted[REVISION_FIELD];
  return {
    ...(typeof revision === 'string' && /^\d{1,15}$/.test(revision) ? { 'if-match': revision } : {}),
    ...idempotencyHeader(posted),
  };
};

export const actionTitle = (type: CaseAction['type']): string => FORMS[type].title;


/** What a form posted → the API's JSON body of that action. */
export const actionBody = (type: CaseAction['type'], posted: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const field of FORMS[type].fields) {
    const raw = posted[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (field.kind === 'checkbox') body[field.name] = text === 'on';
    else if (field.kind === 'yesNo') {
      if (text !== '') body[field.name] = text === 'yes';
    } else if (text === '') continue;
    else body[field.name] = field.kind === 'time' ? instantOfLocal(text) : text;
  }
  return body;
};


export interface ActionFormProps {
  readonly caseId: string;
  readonly offer: CaseActionOffer;
  readonly leaders: readonly Leader[];
  /** The leader's own id, fixed in a 包案 (a leader packages only for itself). */
  readonly ownLeaderId?: string | undefined;
  readonly now: string;
  /** The case's revision the page shows: sent as If-Match, so a form filled on a page someone else has since changed is refused (409). */
  readonly revision: number;
  /** The form's Idempotency-Key: a form posted twice (a double click, a reload) records once. */
  readonly submissionKey: string;
  /** After a refusal: what was typed, and the API's errors by field. */
  readonly typed?: Readonly<Record<string, unknown>> | undefined;
  readonly errors?: ReadonlyMap<string, readonly string[]> | undefined;
  readonly problem?: string | undefined;
}

const FieldInput = ({ field, props }: { field: Field; props: ActionFormProps }) => {
  const id = `${props.offer.segment}-${field.name}`;
  const typed = props.typed?.[field.name];
  const value = typeof typed === 'string' ? typed : field.kind === 'time' ? localInputValue(props.now) : '';
  const errors = props.errors?.get(field.name) ?? [];
  const control = (() => {
    switch (field.kind) {
      case 'time':
        return <input id={id} name={field.name} type="datetime-local" value={value} required />;
      case 'date':
        return <input id={id} name={field.name} type="date" value={value} required />;
      case 'text':
        return <input id={id} name={field.name} type="text" value={value} required={field.optional !== true} />;
      case 'textarea':
        return (
          <textarea id={id} name={field.name} rows={2} cols={40} required>
            {value}
          </textarea>
        );
      case 'select': {
        const allowed = field.name === 'level' && props.offer.levels !== undefined ? props.offer.levels : Object.keys(field.options);
        return (
          <select id={id} name={field.name}>
            {allowed.map((key) => (
              <option value={key} selected={key === value}>
                {field.options[key]}
              </option>
            ))}
          </select>
        );
      }
      case 'leader':
        if (field.name === 'leaderId' && props.ownLeaderId !== undefined) {
          const own = props.leaders.find((l) => l.leaderId === props.ownLeaderId);
          return (
            <select id={id} name={field.name}>
              <option value={props.ownLeaderId}>{own?.name ?? props.ownLeaderId}</option>
            </select>
          );
        }
        return props.leaders.length === 0 ? (
          <input id={id} name={field.name} type="text" value={value} required />
        ) : (
          <select id={id} name={field.name}>
            {props.leaders.map((l) => (
              <option value={l.leaderId} selected={l.leaderId === value}>
                {l.position === undefined ? l.name : `${l.name}（${l.position}）`}
              </option>
            ))}
          </select>
        );
      case 'yesNo':
        return (
          <select id={id} name={field.name}>
            <option value="yes" selected={value !== 'no'}>
              满意
            </option>
            <option value="no" selected={value === 'no'}>
              不满意
            </option>
          </select>
        );
      case 'checkbox':
        return <input id={id} name={field.name} type="checkbox" checked={typed === 'on'} />;
    }
  })();
  return (
    <label for={id}>
      {field.label}
      {control}
      {errors.map((message) => (
        <span class="field-error">{message}</span>
      ))}
    </label>
  );
};

export const ActionForm = (props: ActionFormProps) => {
  const form = FORMS[props.offer.type];
  const errorsElsewhere = props.errors === undefined ? [] : [...props.errors].filter(([path]) => !form.fields.some((f) => f.name === path));
  return (
    <form method="post" action={`${casePagePath(props.caseId)}/${props.offer.segment}`} class="action-form" id={`form-${props.offer.segment}`}>
      <fieldset>
        <legend>{form.title}</legend>
        <CsrfField />
        <input type="hidden" name={REVISION_FIELD} value={String(props.revision)} />
        <input type="hidden" name={KEY_FIELD} value={props.submissionKey} />
        {props.problem !== undefined && (
          <p class="field-error" role="alert">
            {props.problem}
          </p>
        )}
        {errorsElsewhere.map(([, messages]) => messages.map((m) => <p class="field-error">{m}</p>))}
        <div class="fields">
          {form.fields.map((field) => (
            <FieldInput field={field} props={props} />
          ))}
        </div>
        <button type="submit">提交{form.title}</button>
      </fieldset>
    </form>
  );
};
