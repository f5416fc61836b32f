import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding';
import { StoredSession, type FocalNetClient } from '../../sdk/index';
import { eraseSealed, loadSealed, storeSealed } from './remembered-store';

/**
 * "This browser remembers": with the person's consent at sign-in (default on; off on a shared
 * computer), the session and the unlocked keys are kept in IndexedDB, sealed under a
 * non-extractable WebCrypto key, so a reload or a new tab of this browser needs neither the password
 * nor a new sign-in. The tabs share that one session (one entry in the session list): they take
 * turns to refresh it (Web Locks) and tell each other of every change (BroadcastChannel). Signing
 * out, a session ended elsewhere, a suspension (the refresh fails) and a password change erase it.
 */
const Remembered = z.object({
  session: StoredSession,
  username: z.string(),
  identityPrivateKey: z.string(),
  identityPublicKey: z.string(),
  encryptionPrivateKey: z.string(),
  encryptionPublicKey: z.string(),
});
type Remembered = z.infer<typeof Remembered>;

const CHANNEL = 'focalnet-session';
const LOCK = 'focalnet-session-refresh';

export interface RememberedSession {
  /** Whether this tab keeps its session and keys for the browser. */
  active(): boolean;
  /** At start: takes the browser's remembered session and keys, if any. */
  restore(): Promise<boolean>;
  /** After sign-in and unlock, when the person chose it: from now on this tab keeps them. */
  remember(): Promise<void>;
  /** Erases what this browser keeps (and tells the other tabs). */
  forget(): Promise<void>;
}

/** This tab's last write of the remembered record, still under way or done. */
let writing: Promise<unknown> = Promise.resolve();

/**
 * What the SDK needs to share one session among this browser's tabs. The lock is held until the
 * rotated session is written: a tab waiting for it must read the new refresh token, not present
 * the spent one (which the server takes for theft and ends the session).
 */
export const browserSharedRefresh = {
  run: <T>(task: () => Promise<T>): Promise<T> => {
    const rotateAndWrite = async (): Promise<T> => {
      const result = await task();
      await writing;
      return result;
    };
    return globalThis.navigator?.locks
      ? (navigator.locks.request(LOCK, rotateAndWrite) as Promise<T>)
      : rotateAndWrite();
  },
  latest: async (): Promise<StoredSession | undefined> => {
    const parsed = Remembered.safeParse(await loadSealed().catch(() => undefined));
    return parsed.success ? parsed.data.session : undefined;
  },
};

export function rememberedSession(client: FocalNetClient): RememberedSession {
  let remembering = false;
  let lastWritten: string | undefined;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;

  const snapshot = (): Remembered | undefined => {
    const session = client.session.current();
    const unlocked = client.keyStore.get();
    if (!session || !unlocked || unlocked.username !== session.user.username) return undefined;
    return {
      session,
      username: unlocked.username,
      identityPrivateKey: toBase64Url(unlocked.keys.identity.privateKey),
      identityPublicKey: toBase64Url(unlocked.keys.identity.publicKey),
      encryptionPrivateKey: toBase64Url(unlocked.keys.encryption.privateKey),
      encryptionPublicKey: toBase64Url(unlocked.keys.encryption.publicKey),
    };
  };

  const take = (value: Remembered): void => {
    lastWritten = value.session.refreshToken;
    client.session.adopt(value.session);
    if (client.keyStore.get()?.username !== value.username) {
      client.keyStore.set({
        username: value.username,
        keys: {
          identity: {
            publicKey: fromBase64Url(value.identityPublicKey),
            privateKey: fromBase64Url(value.identityPrivateKey),
          },
          encryption: {
            publicKey: fromBase64Url(value.encryptionPublicKey),
            privateKey: fromBase64Url(value.encryptionPrivateKey),
          },
        },
      });
    }
  };

  const erase = async (): Promise<void> => {
    lastWritten = undefined;
    writing = writing.then(() => eraseSealed()).catch(() => undefined);
    await writing;
    channel?.postMessage('changed');
  };

  // Every change of this tab's session or keys is written through; their end erases the record.
  const persist = (): void => {
    if (!remembering) return;
    const value = snapshot();
    if (!value) {
      if (!client.session.current()) {
        remembering = false;
        void erase();
      }
      return;
    }
    if (value.session.refreshToken === lastWritten) return;
    lastWritten = value.session.refreshToken;
    // In order: a slow earlier write must never land after (and over) a newer session.
    writing = writing
      .then(() => storeSealed(value))
      .then(
        () => channel?.postMessage('changed'),
        () => undefined,
      );
  };
  client.session.subscribe(persist);
  client.keyStore.subscribe(persist);

  // Another tab rotated, signed in or out: follow it.
  if (channel) {
    channel.onmessage = () => {
      if (!remembering && client.session.current()) return; // this tab keeps a session of its own
      void loadSealed().then(
        (stored) => {
          const parsed = Remembered.safeParse(stored);
          if (parsed.success) {
            remembering = true;
            take(parsed.data);
          } else if (remembering) {
            remembering = false;
            lastWritten = undefined;
            client.session.end();
            client.keyStore.clear();
          }
        },
        () => undefined,
      );
    };
  }

  return {
    active: () => remembering,
    async restore() {
      const parsed = Remembered.safeParse(await loadSealed().catch(() => undefined));
      if (!parsed.success) return false;
      remembering = true;
      take(parsed.data);
      return true;
    },
    async remember() {
      remembering = true;
      lastWritten = undefined;
      persist();
    },
    async forget() {
      remembering = false;
      await erase();
    },
  };
}
