import { z } from 'zod';
import { PublicKeyBundle } from '../crypto/verify-key-bundle.js';
import { Id, Role } from './accounts.js';
import { DomainCode, StateCode } from './labels.js';

/**
 * A group of members addressed as one: the readers of a circular, of a library shelf, of a
 * document for comment. Resolved by the server from the directory at the moment it is used, so a
 * focal point activated later belongs to it from then on.
 */
export const Audience = z.discriminatedUnion('kind', [
  /** Every active focal point serving the domain in a state that takes part in it. */
  z.object({ kind: z.literal('domain'), domain: DomainCode }).strict(),
  /** Every active national admin of every member state. */
  z.object({ kind: z.literal('national-admins') }).strict(),
  /** Every active focal point, national admin and secretariat member. */
  z.object({ kind: z.literal('everyone') }).strict(),
]);
export type Audience = z.infer<typeof Audience>;
export const AUDIENCE_KINDS = ['domain', 'national-admins', 'everyone'] as const;

/** One member of an audience, with the verified public keys content is sealed to. */
export const AudienceMember = z.object({
  userId: Id,
  /** Null for the secretariat, which belongs to no state. */
  state: StateCode.nullable(),
  role: Role,
  displayName: z.string(),
  keys: PublicKeyBundle,
  keyVersion: z.number().int().positive(),
});
export type AudienceMember = z.infer<typeof AudienceMember>;

/** Stable text form of an audience, for keys, filters and audit data: "domain:border", "national-admins", "everyone". */
export function audienceKey(audience: Audience): string {
  return audience.kind === 'domain' ? `domain:${audience.domain}` : audience.kind;
}

export function parseAudienceKey(key: string): Audience | undefined {
  if (key === 'national-admins' || key === 'everyone') return { kind: key };
  const match = /^domain:(.+)$/.exec(key);
  const parsed = match ? Audience.safeParse({ kind: 'domain', domain: match[1] }) : undefined;
  return parsed?.success ? parsed.data : undefined;
}
