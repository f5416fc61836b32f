import { CryptoError } from '../../../shared/crypto/errors';
import type { OpaqueClient } from '../../sdk/index';
import type { OpaqueWorkerRequest, OpaqueWorkerResponse } from './opaque-worker-protocol';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/** OpaqueClient backed by one module Web Worker (started on first use, kept for the page's life). */
export function workerOpaqueClient(): OpaqueClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (answer: OpaqueWorkerResponse) => void; reject: (error: Error) => void }
  >();

  const start = (): Worker => {
    const created = new Worker(new URL('./opaque.worker.ts', import.meta.url), {
      type: 'module',
      name: 'focalnet-opaque',
    });
    created.onmessage = (event: MessageEvent<OpaqueWorkerResponse>) => {
      const answer = event.data;
      const entry = pending.get(answer.id);
      if (!entry) return;
      pending.delete(answer.id);
      if (answer.kind === 'error')
        entry.reject(answer.code ? new CryptoError(answer.code, answer.message) : new Error(answer.message));
      else entry.resolve(answer);
    };
    created.onerror = (event) => {
      for (const entry of pending.values()) entry.reject(new Error(`OPAQUE worker failed: ${event.message}`));
      pending.clear();
      worker = undefined;
    };
    return created;
  };

  const run = (request: Distribute<OpaqueWorkerRequest>): Promise<OpaqueWorkerResponse> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker ??= start();
      worker.postMessage({ ...request, id } satisfies OpaqueWorkerRequest);
    });

  const started = async (
    op: 'start-registration' | 'start-login',
    password: string,
  ): Promise<{ handle: number; request: string }> => {
    const answer = await run(
      op === 'start-login' ? { op: 'start-login', password } : { op: 'start-registration', password },
    );
    if (answer.kind !== 'started') throw new Error('unexpected answer from the OPAQUE worker');
    return answer;
  };

  return {
    async startRegistration(password) {
      const { handle, request } = await started('start-registration', password);
      return {
        registrationRequest: request,
        async finish(serverMessage, stretching) {
          const answer = await run({ op: 'finish', handle, serverMessage, stretching });
          if (answer.kind !== 'registered') throw new Error('unexpected answer from the OPAQUE worker');
          return { registrationRecord: answer.registrationRecord, exportKey: answer.exportKey };
        },
      };
    },
    async startLogin(password) {
      const { handle, request } = await started('start-login', password);
      return {
        startLoginRequest: request,
        async finish(serverMessage, stretching) {
          const answer = await run({ op: 'finish', handle, serverMessage, stretching });
          if (answer.kind !== 'logged-in') throw new Error('unexpected answer from the OPAQUE worker');
          return answer.result ?? undefined;
        },
      };
    },
  };
}
