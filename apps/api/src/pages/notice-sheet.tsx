import type { NoticeDocument } from '@xinfang/reports';
import type { PublicCaseStatus } from '@xinfang/projections';
import { localDay } from './local-time';

/*
 * What is printed on A4 for the petitioner: a written notice (from the same NoticeDocument as its Word
 * file) and the receipt (回执) with its query code. Only these are printed from their pages.
 */

export const SHEET_STYLE =
  '.sheet{max-width:42rem;margin:1rem auto;padding:2rem 2.5rem;background:#fff;border:1px solid #d0d7de;font-size:1.05rem;line-height:1.9}' +
  '.sheet .office,.sheet h1{text-align:center;margin:.2rem 0}.sheet .number,.sheet .foot{text-align:right}' +
  '.sheet .para{text-indent:2em;margin:.3rem 0}.sheet .code{font:700 1.6rem/1.4 monospace;letter-spacing:.1em;text-align:center}' +
  '@media print{.sheet{border:0;margin:0;max-width:none}}';

export const NoticeSheet = ({ document: d }: { document: NoticeDocument }) => (
  <article class="sheet print">
    <p class="office">{d.officeName}</p>
    <h1>{d.title}</h1>
    <p class="number">{d.number}</p>
    <p>{d.addressee}</p>
    {d.paragraphs.map((p) => (
      <p class="para">{p}</p>
    ))}
    <p class="foot">{d.officeName}</p>
    <p class="foot">{d.sealText}</p>
    <p class="foot">{d.date}</p>
  </article>
);

export const ReceiptSheet = (props: { caseId: string; code: string; issuedAt: string; registeredAt: string; origin: string }) => (
  <article class="sheet print">
    <h1>信访事项登记回执</h1>
    <p>
      你（你们）于 {localDay(props.registeredAt)} 以{props.origin}方式提出的信访事项已登记。本机关将在 15 日内告知是否受理。
    </p>
    <p>凭下列查询码可随时查询办理进度（查询页面：本机关网站 /status）。查询码只显示这一次，请妥善保存，勿告知他人：</p>
    <p class="code">{props.code}</p>
    <p class="foot">出具日期：{localDay(props.issuedAt)}</p>
  </article>
);

/** The public answer to a query code, as its page shows it. */
export const StatusTable = ({ status }: { status: PublicCaseStatus }) => (
  <table class="case-summary">
    <tbody>
      <tr>
        <th>办理阶段</th>
        <td>{status.stageLabel}</td>
      </tr>
      <tr>
        <th>登记日期</th>
        <td>{status.registeredOn}</td>
      </tr>
      {status.acceptedOn !== null && (
        <tr>
          <th>受理日期</th>
          <td>{status.acceptedOn}</td>
        </tr>
      )}
      {status.rejectedOn !== null && (
        <tr>
          <th>不予受理日期</th>
          <td>{status.rejectedOn}</td>
        </tr>
      )}
      {status.deadline !== null && (
        <tr>
          <th>{status.deadlineLabel}</th>
          <td>{status.deadline}</td>
        </tr>
      )}
      {status.handlingUnit !== null && (
        <tr>
          <th>承办单位</th>
          <td>{status.handlingUnit}</td>
        </tr>
      )}
      {status.resolvedOn !== null && (
        <tr>
          <th>办结日期</th>
          <td>{status.resolvedOn}</td>
        </tr>
      )}
      {status.notices.map((n) => (
        <tr>
          <th>已出具</th>
          <td>
            {n.title}（{n.on}）
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
