import type { OpenedItem } from '../../../sdk/index';

/** Lower-case words (letters and digits of any script), for the in-browser search. */
export function words(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A small index over what the person can read, built in the browser from decrypted items: every
 * word of the query must begin a word of the item (title, summary, tags, text).
 */
export function searchIndex(items: readonly OpenedItem[]): (query: string) => OpenedItem[] {
  const indexed = items.map((item) => {
    const v = item.latest;
    const text = v.state === 'open' ? [v.title, v.summary, v.tags.join(' '), v.text].join(' ') : '';
    return { item, words: [...new Set(words(text))] };
  });
  return (query) => {
    const wanted = words(query);
    if (wanted.length === 0) return [...items];
    return indexed
      .filter((entry) => wanted.every((w) => entry.words.some((word) => word.startsWith(w))))
      .map((entry) => entry.item);
  };
}
