import type { Messages } from './en';

/** Dotted paths to the strings of a catalogue (or of one of its sections). */
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];
/** Dotted paths to the sections (objects) of a catalogue. */
type Sections<T> = { [K in keyof T & string]: T[K] extends string ? never : K | `${K}.${Sections<T[K]>}` }[keyof T &
  string];

/** Every key of the catalogue; `t()` accepts only these (i18next.d.ts). */
export type MessageKey = Leaves<Messages>;
/** The keys inside one top-level section, without its name: `KeyIn<'requests'>` holds 'box.title'. */
export type KeyIn<S extends keyof Messages> = Leaves<Messages[S]>;

/**
 * A key completed at run time from a code (a server's error code, a vocabulary term): the section
 * is checked here, the code only at run time (i18next shows the key itself when it is missing).
 */
export function keyFor(section: Sections<Messages>, code: string): MessageKey {
  return `${section}.${code}` as MessageKey;
}
