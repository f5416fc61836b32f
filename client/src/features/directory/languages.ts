/**
 * Working languages offered in the filter and the edit form: those of the member states and the
 * conference (ISO 639-1). Entries may hold others; these are the ones worth a menu entry.
 */
export const LANGUAGE_CODES = [
  'ar',
  'az',
  'bn',
  'en',
  'fa',
  'fr',
  'he',
  'hi',
  'kk',
  'km',
  'ko',
  'ku',
  'ky',
  'mn',
  'ps',
  'ru',
  'si',
  'ta',
  'tg',
  'th',
  'tk',
  'tr',
  'ur',
  'uz',
  'vi',
  'zh',
] as const;

const displayNames = new Map<string, Intl.DisplayNames>();

/** "ru" → "Russian" / "русский" in the interface language; the code itself when unknown. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    let names = displayNames.get(uiLanguage);
    if (!names) {
      names = new Intl.DisplayNames([uiLanguage], { type: 'language' });
      displayNames.set(uiLanguage, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language codes sorted by their name in the interface language. */
export function sortedLanguages(uiLanguage: string): { code: string; name: string }[] {
  return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, uiLanguage) })).sort((a, b) =>
    a.name.localeCompare(b.name, uiLanguage),
  );
}
