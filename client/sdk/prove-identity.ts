import type { Reauthentication } from '../../shared/schemas/accounts.js';
import { SignInStartResponse } from '../../shared/schemas/accounts.js';
import type { OpaqueClient } from './opaque-client.js';
import { refusedProof } from './opaque-sign-in.js';
import type { SessionManager } from './session-manager.js';

/** What the person types to show it is them, now: the password and, once enrolled, the current authenticator code. */
export interface ReauthenticationInput {
  password: string;
  totp?: string;
}

/**
 * An OPAQUE login (no new session) made into the proof the server asks before the second factor or
 * the keys are replaced: the password never leaves this process. A password that does not open the
 * server's answer is still sent as a proof that fails, so the server refuses and counts it.
 */
export async function proveIdentity(
  deps: { opaque: OpaqueClient; session: SessionManager },
  input: ReauthenticationInput,
): Promise<Reauthentication> {
  const login = await deps.opaque.startLogin(input.password);
  const started = await deps.session.authed({
    method: 'POST',
    path: '/api/me/unlock/start',
    body: { startLoginRequest: login.startLoginRequest },
    schema: SignInStartResponse,
  });
  const finished = await login.finish(started.loginResponse, started.stretching);
  return {
    proof: { flowId: started.flowId, finishLoginRequest: finished?.finishLoginRequest ?? refusedProof() },
    ...(input.totp ? { totp: input.totp } : {}),
  };
}
