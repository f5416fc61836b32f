import type { FocalNetClient, FocalNetClientOptions } from '../../client/sdk/index.js';
import { totpCode, type TestPerson } from './accounts.js';
import { sdkClient } from './sdk.js';
import type { TestServer } from './test-server.js';

/** An SDK client signed in as a person made by the account helpers, keys unlocked with the password. */
export async function sdkAs(
  t: TestServer,
  person: TestPerson,
  options: Partial<FocalNetClientOptions> = {},
): Promise<FocalNetClient> {
  const client = sdkClient(t, options);
  const totp = person.totpSecret ? await totpCode(t, person.totpSecret) : undefined;
  await client.signIn({ username: person.username, password: person.password, ...(totp ? { totp } : {}) });
  await client.unlockKeys({ password: person.password });
  return client;
}
