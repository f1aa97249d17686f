import { Hono } from 'hono';
import { dayOf } from '@xinfang/domain';
import type { CampaignSummary } from '@xinfang/projections';
import { campaignDocument, type CampaignBlock } from '@xinfang/reports';
import { asOfRange } from './dashboard-data';
import { askedRange, defaultRange, type DateRange, type RangeFieldError } from './dashboard-range';
import { ProblemAlert } from './field-errors';
import { render, type PageStatus } from './layout';
import { RangeFields } from './range-fields';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 工作总结 (/office/reports/campaign): the campaign summary of a window, written in Chinese from the figures
 * of `GET /api/v1/reports/campaign` — the same blocks as its Word document, which 下载 Word fetches through
 * /office/reports/campaign.docx with the browser's own token. Printable (the layout's print stylesheet:
 * no menu, no form). The office, the auditor and the inspector.
 */

const STYLE = `
.summary h1{text-align:center;font-size:1.5rem}
.summary h2{font-size:1.15rem;margin-top:1.5rem}
.summary p{text-indent:2em;line-height:1.8;max-width:60rem}
.summary table{border-collapse:collapse;margin:.5rem 0 1rem}
.summary th,.summary td{border:1px solid #8c959f;padding:.25rem .5rem;text-align:left}
.summary th{background:#f6f8fa}
`;

const Block = ({ block }: { block: CampaignBlock }) => {
  switch (block.kind) {
    case 'title':
      return <h1>{block.text}</h1>;
    case 'heading':
      return <h2>{block.text}</h2>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.head.map((text) => (
                <th scope="col">{text}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr>
                {row.map((text) => (
                  <td>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
};

const query = (range: DateRange) => new URLSearchParams({ from: range.from, to: range.to }).toString();

const RangeForm = ({ range, errors }: { range: { from: string; to: string }; errors: readonly RangeFieldError[] }) => (
  <form class="filters noprint" method="get" action="/office/reports/campaign">
    <RangeFields range={range} errors={errors} />
    <button>生成</button>
  </form>
);

const SummaryPage = (props: {
  range: DateRange;
  asked: { from: string; to: string };
  errors: readonly RangeFieldError[];
  summary?: CampaignSummary;
  problem?: PageProblem;
}) => (
  <div class="summary">
    <style>{STYLE}</style>
    <RangeForm range={props.asked} errors={props.errors} />
    <ProblemAlert problem={props.problem} />
    {props.summary !== undefined && (
      <>
        <p class="noprint">
          <a class="button" href={`/office/reports/campaign.docx?${query(props.range)}`}>
            下载 Word
          </a>
        </p>
        {campaignDocument(props.summary).map((block) => (
          <Block block={block} />
        ))}
      </>
    )}
  </div>
);

/** The API's path of the summary of a range, as of its end (or now, while it runs). */
const apiPath = (c: { var: PageEnv['Variables'] }, range: DateRange, format?: 'docx') => {
  const now = c.var.services.clock.now();
  const asOf = asOfRange(range, dayOf(now), now);
  return `/api/v1/reports/campaign?${new URLSearchParams({ ...range, asOf, ...(format === undefined ? {} : { format }) }).toString()}`;
};

/** The range asked for, or the default of the 工作台 (the latest month of data). */
const rangeOf = async (c: { var: PageEnv['Variables']; req: { query: (name: string) => string | undefined } }) => {
  const now = c.var.services.clock.now();
  const bounds = await c.var.services.worlds.bounds();
  const fallback = defaultRange(dayOf(now), bounds?.maxOccurredAt);
  const asked = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
  const answer = askedRange(asked, fallback);
  return answer.ok ? { range: answer.range, asked: answer.range, errors: [] } : { range: fallback, asked, errors: answer.errors };
};

export const campaignReportPages = new Hono<PageEnv>()
  .get('/office/reports/campaign', async (c) => {
    const { range, asked, errors } = await rangeOf(c);
    const props = { range, asked, errors };
    if (errors.length > 0) return render(c, '工作总结', <SummaryPage {...props} />, { status: 400 });
    const response = await c.var.api(apiPath(c, range));
    if (!response.ok)
      return render(c, '工作总结', <SummaryPage {...props} problem={await readProblem(response)} />, {
        status: response.status as PageStatus,
      });
    return render(c, '工作总结', <SummaryPage {...props} summary={(await response.json()) as CampaignSummary} />);
  })
  .get('/office/reports/campaign.docx', async (c) => {
    const { range } = await rangeOf(c);
    const response = await c.var.api(apiPath(c, range, 'docx'));
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
