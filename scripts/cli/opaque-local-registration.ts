import * as opaque from '@serenity-kit/opaque';
import type { KeyStretching } from '../../shared/crypto/opaque-format.js';
import { startOpaqueRegistration } from '../../client/sdk/opaque-client.js';

/**
 * Both halves of an OPAQUE registration in one process, for tools that create accounts directly
 * in the database (the demo seeder): the client half as the SDK runs it, the server half with the
 * server's own setup. Returns the record to store and the export key that wraps the keys.
 */
export async function registerOpaqueLocally(
  serverSetup: string,
  username: string,
  password: string,
  stretching: KeyStretching,
): Promise<{ record: string; exportKey: Uint8Array }> {
  await opaque.ready;
  const registration = await startOpaqueRegistration(password);
  const { registrationResponse } = opaque.server.createRegistrationResponse({
    serverSetup,
    userIdentifier: username,
    registrationRequest: registration.registrationRequest,
  });
  const { registrationRecord, exportKey } = await registration.finish(registrationResponse, stretching);
  return { record: registrationRecord, exportKey };
}
