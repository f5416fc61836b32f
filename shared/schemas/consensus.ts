import { z } from 'zod';
import { Id } from './accounts.js';
import { DirectorySettings } from './directory.js';
import { DocumentMeta } from './document-meta.js';
import { DomainCode, StateCode } from './labels.js';
import { LivenessScheduleInput } from './liveness-schedule.js';

const Names = z.object({ en: z.string().trim().min(2).max(80), ru: z.string().trim().min(2).max(80) }).strict();

/**
 * What a network-wide decision changes once adopted. A closed list: each change has one
 * well-defined effect that the server applies itself.
 */
export const ProposedChange = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('admit-state'),
      state: z.object({ code: StateCode, name: Names }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('add-domain'),
      /** States then opt in to it, each by its own participation. */
      domain: z.object({ code: DomainCode, name: Names }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rename-domain'),
      /** An existing domain's names; its code (in rules, participation and messages) stays. */
      domain: z.object({ code: DomainCode, name: Names }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('retire-domain'),
      /**
       * No new exchanges, participation or focal points in it from adoption on; its code and names
       * stay, so history, policies and the audit trail still read. Open request cases may finish.
       */
      domain: z.object({ code: DomainCode }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('directory-freshness'),
      freshnessDays: DirectorySettings.shape.freshnessDays,
    })
    .strict(),
  z
    .object({
      kind: z.literal('set-liveness-schedule'),
      /** Checks of every state's focal points; replaces the network's schedule if there is one. */
      schedule: LivenessScheduleInput,
    })
    .strict(),
  z.object({ kind: z.literal('remove-liveness-schedule') }).strict(),
  z
    .object({
      kind: z.literal('set-travel-documents-reciprocity'),
      /** Lost and stolen travel documents: a state that lists nothing receives no other state's listings. */
      required: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('adopt-document'),
      /** A document for comment (shared/schemas/documents.ts): only its plaintext metadata; the text is sealed. Circulated through /api/documents. */
      document: DocumentMeta,
    })
    .strict(),
]);
export type ProposedChange = z.infer<typeof ProposedChange>;

/**
 * `silence`: adopted at the deadline unless a state objects before it (one objection breaks the
 * silence). `unanimity`: adopted once every member state approves; an objection or the deadline
 * ends it unadopted.
 */
export const PROCEDURES = ['silence', 'unanimity'] as const;
export const Procedure = z.enum(PROCEDURES);
export type Procedure = z.infer<typeof Procedure>;

export const POSITIONS = ['approve', 'object'] as const;
export const Position = z.enum(POSITIONS);
export type Position = z.infer<typeof Position>;

export const PROPOSAL_STATUSES = ['open', 'adopted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Why a proposal ended as it did. */
export const OUTCOMES = ['silence-kept', 'unanimous', 'objection', 'lapsed', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Shortest and longest time a proposal stays open for states to respond. */
export const MIN_PROPOSAL_HOURS = 24;
export const MAX_PROPOSAL_DAYS = 180;

export const CreateProposal = z
  .object({
    change: ProposedChange,
    procedure: Procedure.default('silence'),
    /** When the procedure ends; at least 24 hours and at most 180 days from now. */
    deadline: z.iso.datetime(),
    /** Why the secretariat proposes it, shown to every state. */
    rationale: z.string().trim().min(1).max(4000),
  })
  .strict();
export type CreateProposal = z.infer<typeof CreateProposal>;

export const TakePosition = z
  .object({
    position: Position,
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TakePosition = z.infer<typeof TakePosition>;

/** Why the secretariat withdraws a proposal, shown to every state (optional in the API; the web client asks for it). */
export const WithdrawProposal = z
  .object({
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type WithdrawProposal = z.infer<typeof WithdrawProposal>;

export const StatePosition = z.object({
  state: StateCode,
  position: Position,
  comment: z.string().nullable(),
  /** The national admin who gave the state's position. */
  byUserId: Id,
  at: z.iso.datetime(),
  /** Documents for comment: the version the position was given on. */
  version: z.number().int().positive().optional(),
});
export type StatePosition = z.infer<typeof StatePosition>;

export const ProposalView = z.object({
  id: Id,
  change: ProposedChange,
  procedure: Procedure,
  rationale: z.string(),
  proposedBy: Id,
  proposedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  status: z.enum(PROPOSAL_STATUSES),
  outcome: z.enum(OUTCOMES).nullable(),
  settledAt: z.iso.datetime().nullable(),
  /** The member states when it was proposed: they decide. */
  electorate: z.array(StateCode),
  /** The latest position of each state that gave one. */
  positions: z.array(StatePosition),
  /** Why the secretariat withdrew it, when it said. */
  withdrawalReason: z.string().optional(),
  /** Documents for comment: the version now circulated (a revision restarts the deadline). */
  documentVersion: z.number().int().positive().optional(),
});
export type ProposalView = z.infer<typeof ProposalView>;
