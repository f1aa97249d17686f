import type { RangeFieldError } from './dashboard-range';

/** The 起始日期 and 截止日期 fields of a range form, each with its error beside it. */
export const RangeFields = ({ range, errors }: { range: { from: string; to: string }; errors: readonly RangeFieldError[] }) => {
  const errorOf = (field: 'from' | 'to') => errors.find((e) => e.field === field)?.message;
  const field = (name: 'from' | 'to', label: string) => (
    <label>
      {label}
      <input type="date" name={name} value={range[name]} aria-invalid={errorOf(name) === undefined ? undefined : 'true'} />
      {errorOf(name) !== undefined && <span class="field-error">{errorOf(name)}</span>}
    </label>
  );
  return (
    <>
      {field('from', '起始日期')}
      {field('to', '截止日期')}
    </>
  );
};
