import { z } from 'zod';
import { OpaqueToken, UserView } from '../../shared/schemas/accounts.js';

/** A signed-in session as the SDK keeps it. */
export const StoredSession = z.object({
  accessToken: z.string().min(1),
  refreshToken: OpaqueToken,
  /** When the access token expires, in ms since the epoch by this client's clock. */
  accessExpiresAt: z.number(),
  user: UserView,
});
export type StoredSession = z.infer<typeof StoredSession>;

/**
 * Where the tokens live between calls. Only tokens and the public user view: private keys never
 * go through a session store (see KeyStore).
 */
export interface SessionStore {
  load(): StoredSession | undefined;
  save(session: StoredSession | undefined): void;
}

/** Tokens for as long as this object lives: the default for Node and tests. */
export function memorySessionStore(): SessionStore {
  let session: StoredSession | undefined;
  return {
    load: () => session,
    save: (next) => {
      session = next;
    },
  };
}
