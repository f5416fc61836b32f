// Runs key generation and argon2id (64 MiB, accounts made before OPAQUE) off the page's thread, so the progress indicator
// keeps moving. Keys come back by structured clone and live only in the page's memory.
import { isCryptoError } from '../../../shared/crypto/errors';
import { localKeyCrypto } from '../../sdk/local-key-crypto';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const reply = (message: WorkerResponse): void => self.postMessage(message);

async function handle(message: WorkerRequest): Promise<WorkerResponse> {
  switch (message.op) {
    case 'enrol': {
      const material = await localKeyCrypto.enrol(message.request, (step) =>
        reply({ id: message.id, kind: 'step', step }),
      );
      return { id: message.id, kind: 'enrolled', material };
    }
    case 'unwrap-passphrase':
      return {
        id: message.id,
        kind: 'keys',
        keys: await localKeyCrypto.unwrapWithPassphrase(message.wrapped, message.passphrase, message.username),
      };
    case 'unwrap-recovery':
      return {
        id: message.id,
        kind: 'keys',
        keys: await localKeyCrypto.unwrapWithRecoveryKey(message.wrapped, message.recoveryKeyText, message.username),
      };
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  handle(message).then(reply, (error: unknown) => {
    reply({
      id: message.id,
      kind: 'error',
      code: isCryptoError(error) ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    });
  });
};
