export type SizeUnit = 'bytes' | 'kb' | 'mb' | 'gb';

const UNITS: readonly SizeUnit[] = ['bytes', 'kb', 'mb', 'gb'];

/**
 * A size for people, in binary units as the server counts ATTACHMENT_MAX_MB: "90" KB, "1.4" MB
 * ("1,4" in Russian). One decimal below 10 only; the unit's name comes from the catalogue
 * (`messaging.attachments.size.<unit>`), as Intl's own ("kB", "кБ", "byte") read oddly.
 */
export function fileSize(bytes: number, uiLanguage: string): { unit: SizeUnit; size: string } {
  let amount = bytes;
  let index = 0;
  // Step up on the rounded amount, so 1023.7 KB reads "1 MB", not "1,024 KB".
  while (index < UNITS.length - 1 && Math.round(amount) >= 1024) {
    amount /= 1024;
    index++;
  }
  const digits = index > 0 && amount < 10 ? 1 : 0;
  return {
    unit: UNITS[index] ?? 'bytes',
    size: new Intl.NumberFormat(uiLanguage, { maximumFractionDigits: digits }).format(amount),
  };
}
