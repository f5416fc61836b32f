import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const DatabaseKind = z.enum(['embedded-ferretdb', 'mongodb']);

export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not-ready']),
  /** Why not ready when the database is not the reason: the node is stopping (a rolling restart). */
  reason: z.literal('draining').optional(),
  database: z.object({
    kind: DatabaseKind,
    state: z.enum(['up', 'down']),
    /** For the embedded database: the supervisor's view (running, restarting, …). */
    process: z.string().optional(),
  }),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const PingRequest = z.object({ sentAt: z.number().int().nonnegative() }).strict();
export type PingRequest = z.infer<typeof PingRequest>;
export const PingResponse = z.object({ sentAt: z.number(), serverTime: z.number() });
export type PingResponse = z.infer<typeof PingResponse>;
