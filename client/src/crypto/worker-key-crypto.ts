import { CryptoError } from '../../../shared/crypto/errors';
import type { UserKeys } from '../../../shared/crypto/keys';
import type { EnrolmentMaterial, EnrolmentStep, KeyCrypto } from '../../sdk/index';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

type Answer = EnrolmentMaterial | UserKeys;

interface Pending {
  resolve: (value: Answer) => void;
  reject: (error: Error) => void;
  onStep?: ((step: EnrolmentStep) => void) | undefined;
}

/** KeyCrypto backed by one module Web Worker (started on first use, kept for the page's life). */
export function workerKeyCrypto(): KeyCrypto {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    const created = new Worker(new URL('./key-crypto.worker.ts', import.meta.url), {
      type: 'module',
      name: 'focalnet-keys',
    });
    created.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.kind === 'step') return entry.onStep?.(message.step);
      pending.delete(message.id);
      if (message.kind === 'error')
        entry.reject(message.code ? new CryptoError(message.code, message.message) : new Error(message.message));
      else entry.resolve(message.kind === 'enrolled' ? message.material : message.keys);
    };
    created.onerror = (event) => {
      for (const entry of pending.values()) entry.reject(new Error(`key worker failed: ${event.message}`));
      pending.clear();
      worker = undefined;
    };
    return created;
  };

  const run = <T extends Answer>(
    request: Distribute<WorkerRequest>,
    onStep?: (step: EnrolmentStep) => void,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: (value) => resolve(value as T), reject, onStep });
      worker ??= start();
      worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });

  return {
    enrol: (request, onStep) => run<EnrolmentMaterial>({ op: 'enrol', request }, onStep),
    unwrapWithPassphrase: (wrapped, passphrase, username) =>
      run<UserKeys>({ op: 'unwrap-passphrase', wrapped, passphrase, username }),
    unwrapWithRecoveryKey: (wrapped, recoveryKeyText, username) =>
      run<UserKeys>({ op: 'unwrap-recovery', wrapped, recoveryKeyText, username }),
  };
}
