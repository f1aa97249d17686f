/* Numbers as the report prints them. */

export const fmt = (value: number, digits?: number): string => {
  if (!Number.isFinite(value)) return '—';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
};

export const ratioText = (ratio: number | undefined): string => (ratio === undefined || !Number.isFinite(ratio) ? '—' : `${fmt(ratio, 2)}×`);
