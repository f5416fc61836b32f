import { z } from 'zod';
import { Alert } from '../../../shared/schemas/alerts.js';

/** What an e-mail outbox item holds: one alert's mail, or the digest of a person's entries due by then. */
export const QueuedMail = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert'), alert: Alert }),
  z.object({ type: z.literal('digest'), period: z.string() }),
]);
export type QueuedMail = z.infer<typeof QueuedMail>;

/** One alert waiting for the digest due at `period` (ISO time). */
export const DigestEntry = z.object({ alert: Alert, period: z.string() });
export type DigestEntry = z.infer<typeof DigestEntry>;
