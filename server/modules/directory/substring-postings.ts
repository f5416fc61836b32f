import { bitsOf, type Bitset } from './bitset.js';

/**
 * For each two- and three-character piece of the records' search text, the records whose text
 * contains it. A record contains a query word only if it contains every trigram of the word, so
 * intersecting the rarest of them narrows a free-text search to a few candidates instead of
 * testing every record's text. Pieces with whitespace are skipped: query words never contain
 * any. A piece most records share is kept as a bitset (smaller than its list, and ready to AND).
 */
export class SubstringPostings {
  private readonly sparse = new Map<string, Int32Array>();
  private readonly dense = new Map<string, Bitset>();

  constructor(
    texts: readonly string[],
    private readonly words: number,
  ) {
    const building = new Map<string, number[]>();
    texts.forEach((text, position) => {
      const seen = new Set<string>();
      // By UTF-16 unit, as `slice` and `includes` count.
      const blank = Array.from(
        { length: text.length },
        (_, i) => text.charCodeAt(i) === 0 || /\s/.test(text.charAt(i)),
      );
      const add = (piece: string): void => {
        if (seen.has(piece)) return;
        seen.add(piece);
        let list = building.get(piece);
        if (!list) building.set(piece, (list = []));
        list.push(position);
      };
      for (let i = 0; i + 2 <= text.length; i++) {
        if (blank[i] || blank[i + 1]) continue;
        add(text.slice(i, i + 2));
        if (i + 3 <= text.length && !blank[i + 2]) add(text.slice(i, i + 3));
      }
    });
    for (const [piece, list] of building) {
      if (list.length >= words) this.dense.set(piece, bitsOf(list, words));
      else this.sparse.set(piece, Int32Array.from(list));
    }
  }

  /**
   * Sets whose intersection holds every record containing `word` (the two rarest trigrams: more
   * costs about what the final text check saves); undefined when the word is too short to narrow
   * (one character). `exact`: the intersection is the answer, no text check needed (words of two
   * or three characters).
   */
  narrow(word: string): { sets: Bitset[]; exact: boolean } | undefined {
    if (word.length < 2) return undefined;
    const pieces = word.length <= 3 ? [word] : Array.from({ length: word.length - 2 }, (_, i) => word.slice(i, i + 3));
    const rarest = pieces
      .map((piece) => ({ piece, size: this.size(piece) }))
      .sort((a, b) => a.size - b.size)
      .slice(0, 2);
    return {
      sets: rarest.map(({ piece }) => this.dense.get(piece) ?? bitsOf(this.sparse.get(piece) ?? [], this.words)),
      exact: word.length <= 3,
    };
  }

  private size(piece: string): number {
    const dense = this.dense.get(piece);
    return dense ? Number.MAX_SAFE_INTEGER : (this.sparse.get(piece)?.length ?? 0);
  }
}
