import { generate } from 'otplib';
import {
  createFocalNetClient,
  type FetchLike,
  type FocalNetClient,
  type FocalNetClientOptions,
} from '../../client/sdk/index.js';
import { issueBootstrapInvitation } from '../../server/modules/accounts/invitations.js';
import { STRONG_PASSWORD, uniqueUsername } from './accounts.js';
import type { TestServer } from './test-server.js';

/** libsodium's argon2id minimums, so a test does not pay 64 MiB per wrap. */
export const FAST_KDF = { opsLimit: 1, memLimit: 8192 };

/** Counts requests by path, to see how often the SDK refreshed. */
export function countingFetch(): { fetch: FetchLike; count: (path: string) => number } {
  const counts = new Map<string, number>();
  return {
    fetch: (input, init) => {
      const path = new URL(input).pathname;
      counts.set(path, (counts.get(path) ?? 0) + 1);
      return fetch(input, init);
    },
    count: (path) => counts.get(path) ?? 0,
  };
}

export function sdkClient(t: TestServer, options: Partial<FocalNetClientOptions> = {}): FocalNetClient {
  return createFocalNetClient({ baseUrl: t.url, ...options });
}

export interface SdkPerson {
  client: FocalNetClient;
  username: string;
  password: string;
  recoveryKeyText: string;
  totpSecret?: string;
}

/** The current TOTP code by the server's clock, one step after any used so far. */
export async function sdkTotp(t: TestServer, secret: string): Promise<string> {
  t.clock.advance(30_000);
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

/** Registers through the SDK with an invitation token (fast KDF). */
export async function sdkRegister(
  t: TestServer,
  token: string,
  prefix: string,
  options: Partial<FocalNetClientOptions> = {},
): Promise<SdkPerson> {
  const client = sdkClient(t, options);
  const username = uniqueUsername(prefix);
  const registration = await client.registerWithInvitation({
    token,
    username,
    password: STRONG_PASSWORD,
    kdfLimits: FAST_KDF,
  });
  return { client, username, password: STRONG_PASSWORD, recoveryKeyText: registration.recoveryKeyText };
}

export async function sdkSignIn(t: TestServer, person: SdkPerson): Promise<void> {
  const totp = person.totpSecret ? await sdkTotp(t, person.totpSecret) : undefined;
  await person.client.signIn({ username: person.username, password: person.password, ...(totp ? { totp } : {}) });
}

/** The first network admin, entirely through the SDK: register, sign in, enrol TOTP. */
export async function sdkNetworkAdmin(t: TestServer): Promise<SdkPerson> {
  const { token } = await issueBootstrapInvitation(t.server.accounts);
  const admin = await sdkRegister(t, token, 'root');
  await sdkSignIn(t, admin);
  const { secret } = await admin.client.me.startTotpSetup({ password: admin.password });
  await admin.client.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
  admin.totpSecret = secret;
  return admin;
}
