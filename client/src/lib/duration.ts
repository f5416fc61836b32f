/** A response time for people: "850 ms", "12 s", "3.5 min", "1.2 h", in the interface language. */
export function formatDuration(ms: number, uiLanguage: string): string {
  const unit = (value: number, name: 'millisecond' | 'second' | 'minute' | 'hour', digits: number): string =>
    new Intl.NumberFormat(uiLanguage, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  if (ms < 1_000) return unit(ms, 'millisecond', 0);
  if (ms < 60_000) return unit(ms / 1_000, 'second', ms < 10_000 ? 1 : 0);
  if (ms < 3_600_000) return unit(ms / 60_000, 'minute', 1);
  return unit(ms / 3_600_000, 'hour', 1);
}
