/**
 * ICAO 9303 check digits (Part 3, 4.9): each character's value (0–9 as is, A–Z as 10–35, the
 * filler `<` as 0) weighted 7, 3, 1 in turn, summed, modulo 10.
 */
export function icaoCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 65 && code <= 90) value = code - 55;
    else if (code === 60) value = 0;
    else throw new RangeError(`not an MRZ character: ${JSON.stringify(field[i])}`);
    sum += value * (i % 3 === 0 ? 7 : i % 3 === 1 ? 3 : 1);
  }
  return sum % 10;
}

/** Whether `digit` (one character; `<` counts as 0, as ICAO allows for empty fields) checks `field`. */
export function checkDigitMatches(field: string, digit: string): boolean {
  if (!/^[0-9<]$/.test(digit)) return false;
  return icaoCheckDigit(field) === (digit === '<' ? 0 : Number(digit));
}
