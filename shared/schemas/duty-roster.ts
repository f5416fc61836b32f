import { z } from 'zod';
import { Id } from './accounts.js';

/** Longest a focal point may be marked away in one go: a year, as a request's longest deadline. */
export const MAX_AWAY_MS = 366 * 86_400_000;
/** A duty desk lists at most this many of its state's focal points. */
export const MAX_DESK_MEMBERS = 50;

/**
 * "I am away": from now (or `from`) until `until` (open-ended when absent), with a deputy who
 * receives new requests and alerts meanwhile. Times are ISO 8601.
 */
export const AwayUpdate = z
  .object({
    deputyUserId: Id,
    from: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type AwayUpdate = z.infer<typeof AwayUpdate>;

const Person = z.object({ userId: Id, name: z.string() });

/** Who is away as the directory shows it; `deputy` is absent when the entry's state withholds its deputies. */
export const AwayView = z.object({
  from: z.iso.datetime(),
  until: z.iso.datetime().nullable(),
  /** Away now (false: the absence is planned and starts at `from`). */
  active: z.boolean(),
  deputy: Person.optional(),
  /** Shown to the person's own state and the secretariat only. */
  note: z.string().optional(),
});
export type AwayView = z.infer<typeof AwayView>;

/** On a deputy's entry: the focal points they stand in for right now. */
export const CoveringView = Person.extend({ until: z.iso.datetime().nullable() });
export type CoveringView = z.infer<typeof CoveringView>;

/** The focal points of its state who staff a duty desk (chosen by the state's national admin). */
export const DeskMembersUpdate = z.object({ members: z.array(Id).max(MAX_DESK_MEMBERS) }).strict();
export type DeskMembersUpdate = z.infer<typeof DeskMembersUpdate>;
export const DeskMemberView = Person;
