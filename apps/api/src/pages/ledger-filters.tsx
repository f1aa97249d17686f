import { categoryLabels, SUBDISTRICT_UNIT } from '@xinfang/domain';
import type { LedgerEntry, LedgerFilter } from '@xinfang/reports';
import { sortParam, type SortOrder } from './ledger-sort';

/*
 * The filter form of a 台账 page: the fields its ledger takes (ledgerTable), communities and leaders chosen
 * by name from the API's lists — never typed as internal ids — and the sort order.
 */

export interface Choices {
  /** GET /communities: id and name (a community user is offered its own only); undefined when the API gave none. */
  readonly communities: readonly { readonly communityId: string; readonly name: string }[] | undefined;
  /** GET /leaders; undefined when the API gave none. */
  readonly leaders: readonly { readonly leaderId: string; readonly name: string; readonly position: string }[] | undefined;
}

/** The page's query: the filters asked, as the page's address holds them. */
export type FilterValues = Partial<Record<LedgerFilter | 'asOf' | 'knownAt', string>>;

const Select = (props: { name: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; all: string }) => (
  <label>
    {props.label}
    <select name={props.name}>
      <option value="">{props.all}</option>
      {props.options.map(([value, text]) => (
        <option value={value} selected={value === props.value}>
          {text}
        </option>
      ))}
    </select>
  </label>
);

const DateField = (props: { name: string; label: string; value: string | undefined }) => (
  <label>
    {props.label}
    <input type="date" name={props.name} value={props.value ?? ''} />
  </label>
);

/** Without a list to choose from, the id is typed. */
const IdField = (props: { name: string; label: string; value: string | undefined }) => (
  <label>
    {props.label}
    <input name={props.name} value={props.value ?? ''} size={12} />
  </label>
);

const field = (filter: LedgerFilter, entry: LedgerEntry, values: FilterValues, choices: Choices) => {
  const period = entry.period?.zh ?? '';
  switch (filter) {
    case 'communityId':
      if (choices.communities === undefined) return <IdField name="communityId" label="社区" value={values.communityId} />;
      return (
        <Select
          name="communityId"
          label="社区"
          value={values.communityId}
          options={choices.communities.map((c) => [c.communityId, c.name] as const)}
          all="全部社区"
        />
      );
    case 'from':
      return <DateField name="from" label={`${period}日期自`} value={values.from} />;
    case 'to':
      return <DateField name="to" label={`${period}日期至`} value={values.to} />;
    case 'category':
      return (
        <Select name="category" label="类型" value={values.category} options={Object.entries(categoryLabels)} all="全部类型" />
      );
    case 'leaderId':
      if (choices.leaders === undefined) return <IdField name="leaderId" label="接访领导" value={values.leaderId} />;
      return (
        <Select
          name="leaderId"
          label="接访领导"
          value={values.leaderId}
          options={choices.leaders.map((l) => [l.leaderId, `${l.name}（${l.position}）`] as const)}
          all="全部领导"
        />
      );
    case 'unit':
      if (choices.communities === undefined) return <IdField name="unit" label="单位" value={values.unit} />;
      return (
        <Select
          name="unit"
          label="单位"
          value={values.unit}
          options={[[SUBDISTRICT_UNIT, '街道'] as const, ...choices.communities.map((c) => [c.communityId, c.name] as const)]}
          all="全部单位"
        />
      );
  }
};

export const LedgerFilters = (props: { entry: LedgerEntry; values: FilterValues; choices: Choices; sort: SortOrder | undefined }) => {
  const { entry, values, choices, sort } = props;
  const current = sort === undefined ? '' : sortParam(sort);
  return (
    <form class="filters" method="get" role="search" aria-label="筛选">
      <DateField name="asOf" label="截至" value={values.asOf} />
      {entry.filters.map((filter) => field(filter, entry, values, choices))}
      <label>
        排序
        <select name="sort">
          <option value="">表内顺序（序号）</option>
          {entry.form.columns.flatMap((column) =>
            [false, true].map((descending) => {
              const value = sortParam({ header: column.header, descending });
              return (
                <option value={value} selected={value === current}>
                  {`${column.header} ${descending ? '↓ 从大到小' : '↑ 从小到大'}`}
                </option>
              );
            }),
          )}
        </select>
      </label>
      {values.knownAt !== undefined && <input type="hidden" name="knownAt" value={values.knownAt} />}
      <button>查询</button>
    </form>
  );
};
