// The client half of OPAQUE off the page's thread: its argon2id stretching (64 MiB) takes about a
// second. The password and each step's state stay in this worker until the step finishes.
import { isCryptoError } from '../../../shared/crypto/errors';
import { localOpaqueClient, type PendingLogin, type PendingRegistration } from '../../sdk/opaque-client';
import type { OpaqueWorkerRequest, OpaqueWorkerResponse } from './opaque-worker-protocol';

const pending = new Map<
  number,
  { kind: 'registration'; step: PendingRegistration } | { kind: 'login'; step: PendingLogin }
>();
let nextHandle = 1;

async function handle(message: OpaqueWorkerRequest): Promise<OpaqueWorkerResponse> {
  if (message.op === 'start-registration') {
    const step = await localOpaqueClient.startRegistration(message.password);
    const handle = nextHandle++;
    pending.set(handle, { kind: 'registration', step });
    return { id: message.id, kind: 'started', handle, request: step.registrationRequest };
  }
  if (message.op === 'start-login') {
    const step = await localOpaqueClient.startLogin(message.password);
    const handle = nextHandle++;
    pending.set(handle, { kind: 'login', step });
    return { id: message.id, kind: 'started', handle, request: step.startLoginRequest };
  }
  const entry = pending.get(message.handle);
  pending.delete(message.handle);
  if (!entry) throw new Error('this OPAQUE step was finished already');
  if (entry.kind === 'registration') {
    const { registrationRecord, exportKey } = await entry.step.finish(message.serverMessage, message.stretching);
    return { id: message.id, kind: 'registered', registrationRecord, exportKey };
  }
  return {
    id: message.id,
    kind: 'logged-in',
    result: (await entry.step.finish(message.serverMessage, message.stretching)) ?? null,
  };
}

self.onmessage = (event: MessageEvent<OpaqueWorkerRequest>) => {
  const message = event.data;
  handle(message).then(
    (answer) => self.postMessage(answer),
    (error: unknown) => {
      self.postMessage({
        id: message.id,
        kind: 'error',
        code: isCryptoError(error) ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      } satisfies OpaqueWorkerResponse);
    },
  );
};
