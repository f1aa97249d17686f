import { addDays, type LocalDate } from '@xinfang/domain';

/** The week a roster page shows (any day of it), with the weeks before and after, and extra links. */
export const WeekPicker = ({ path, id, weekOf, children }: { path: string; id: string; weekOf: LocalDate; children?: unknown }) => (
  <form method="get" action={path} class="filters noprint">
    <label for={id}>
      周（任一天）
      <input id={id} name="weekOf" type="date" value={weekOf} required />
    </label>
    <button type="submit">查看</button>
    <a href={`${path}?weekOf=${addDays(weekOf, -7)}`}>上一周</a>
    <a href={`${path}?weekOf=${addDays(weekOf, 7)}`}>下一周</a>
    {children}
  </form>
);
