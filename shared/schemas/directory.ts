import { z } from 'zod';
import { Id } from './accounts.js';
import { AwayView, CoveringView, DeskMemberView } from './duty-roster.js';
import { DomainCode, MAX_DOMAINS, StateCode } from './labels.js';

/** Text that may differ by script: English (Latin) always, Russian (Cyrillic) where it differs. */
export const BilingualText = z
  .object({
    en: z.string().trim().min(1).max(200),
    ru: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type BilingualText = z.infer<typeof BilingualText>;

export const CONTACT_TYPES = ['phone', 'mobile', 'email', 'fax', 'secure-line', 'messenger', 'address'] as const;
export const ContactType = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof ContactType>;

export const ContactChannel = z
  .object({
    type: ContactType,
    value: z.string().trim().min(1).max(200),
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type ContactChannel = z.infer<typeof ContactChannel>;

/** ISO 639-1 language code, e.g. "ru", "en", "kk". */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code');

export const ENTRY_KINDS = ['person', 'duty-desk'] as const;
export const FOCAL_ROLES = ['policy', 'operational'] as const;

export const WorkingHours = z
  .object({
    /** ISO weekdays 1 (Monday) … 7 (Sunday). */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  })
  .strict();

/** IANA time zone name, checked against the runtime's list. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Almaty');

/** What a focal point (or their national admin) may edit. Identity, state and keys are not here. */
export const EntryUpdate = z
  .object({
    kind: z.enum(ENTRY_KINDS).optional(),
    name: BilingualText.optional(),
    title: BilingualText.optional(),
    authority: BilingualText.optional(),
    role: z.enum(FOCAL_ROLES).optional(),
    languages: z.array(LanguageCode).max(12).optional(),
    timeZone: TimeZone.optional(),
    workingHours: WorkingHours.nullable().optional(),
    available24x7: z.boolean().optional(),
    deputyUserId: Id.nullable().optional(),
    contacts: z.array(ContactChannel).max(12).optional(),
  })
  .strict();
export type EntryUpdate = z.infer<typeof EntryUpdate>;

/** Fields a state can withhold from other states (name, authority, domains, languages and keys never). */
export const RESTRICTABLE_FIELDS = [
  'title',
  'workingHours',
  'deputy',
  ...CONTACT_TYPES.map((type) => `contacts.${type}` as const),
] as const;
export const RestrictableField = z.enum(RESTRICTABLE_FIELDS);
export type RestrictableField = z.infer<typeof RestrictableField>;

// Who sees which of these fields is part of the state's signed disclosure policy: see
// DirectoryFieldRule in policy.ts.

/** Public keys as the directory shows them, with their safety-number verification. */
const PublicKeyStatus = z.object({
  identityKey: z.string(),
  encryptionKey: z.string(),
  encryptionKeySig: z.string(),
  keyVersion: z.number().int(),
  fingerprint: z.string(),
  /** A national admin compared the safety number of this key (while it was current). */
  verified: z.boolean(),
  verifiedAt: z.iso.datetime().nullable(),
});

/**
 * A key set the person held before the current one, public keys only: signatures made while it
 * was current (`validFrom` ≤ time < `validUntil`) verify against it, later ones must not.
 */
export const PreviousKeyStatus = PublicKeyStatus.extend({
  validFrom: z.iso.datetime(),
  /** When the next key replaced it. */
  validUntil: z.iso.datetime(),
});
export type PreviousKeyStatus = z.infer<typeof PreviousKeyStatus>;

export const KeyStatus = PublicKeyStatus.extend({
  /** Earlier keys, newest first; absent when the person never re-keyed. */
  history: z.array(PreviousKeyStatus).optional(),
});

/**
 * Where an entry stands: `incomplete` until its focal point has given their authority and a way
 * to reach them (a newly activated account has neither), then `stale` or `current` by its last
 * confirmation.
 */
export const ENTRY_STATUSES = ['incomplete', 'stale', 'current'] as const;
export const EntryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatus>;

/** One directory entry as a reader is allowed to see it: withheld fields are absent and listed. */
export const EntryView = z.object({
  userId: Id,
  state: StateCode,
  domains: z.array(DomainCode),
  kind: z.enum(ENTRY_KINDS),
  name: BilingualText,
  title: BilingualText.optional(),
  authority: BilingualText.nullable(),
  role: z.enum(FOCAL_ROLES).nullable(),
  languages: z.array(LanguageCode),
  timeZone: z.string().nullable(),
  workingHours: WorkingHours.nullable().optional(),
  available24x7: z.boolean(),
  deputy: z.object({ userId: Id, name: z.string() }).nullable().optional(),
  contacts: z.array(ContactChannel),
  /** Present while the person is away or has an absence planned. */
  away: AwayView.optional(),
  /** Present when this person stands in for others now (deputies withheld from the reader are left out). */
  covering: z.array(CoveringView).optional(),
  /** Duty desks: the focal points who staff it. */
  members: z.array(DeskMemberView).optional(),
  keys: KeyStatus.nullable(),
  lastConfirmedAt: z.iso.datetime(),
  stale: z.boolean(),
  status: EntryStatus,
  /** Fields the entry's state withholds from this reader. */
  withheld: z.array(RestrictableField),
});
export type EntryView = z.infer<typeof EntryView>;

/** "KZ,RU" in a query string → ["KZ", "RU"]. */
const StateList = z
  .string()
  .max(400)
  .transform((text) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(StateCode).max(40));

export const SEARCH_SORTS = ['name', 'state', 'lastConfirmed'] as const;
export const DirectorySearchQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    domain: DomainCode.optional(),
    state: StateList.optional(),
    language: LanguageCode.optional(),
    role: z.enum(FOCAL_ROLES).optional(),
    available24x7: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    stale: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z.enum(SEARCH_SORTS).default('name'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuery>;

export const DirectoryPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  entries: z.array(EntryView),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const StateView = z.object({
  code: StateCode,
  name: z.object({ en: z.string(), ru: z.string() }),
  domains: z.array(DomainCode),
});
export type StateView = z.infer<typeof StateView>;

/** A domain of the network with its names (the seeded four, and those added by network decision). */
export const DomainView = z.object({
  code: DomainCode,
  name: z.object({ en: z.string(), ru: z.string() }),
  /** Set once a network decision retired it: kept for the names of what was exchanged in it. */
  retiredAt: z.iso.datetime().optional(),
});
export type DomainView = z.infer<typeof DomainView>;

export const ParticipationUpdate = z.object({ domains: z.array(DomainCode).max(MAX_DOMAINS) }).strict();

export const DirectorySettings = z.object({ freshnessDays: z.number().int().min(7).max(3650) }).strict();
