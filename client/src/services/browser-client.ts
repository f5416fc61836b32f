import { createFocalNetClient, type FocalNetClient } from '../../sdk/index';
import { workerKeyCrypto } from '../crypto/worker-key-crypto';
import { browserSessionStore } from './browser-session-store';

/** The SDK as the web app uses it: same origin, tokens per tab, key crypto in a Web Worker. */
export function createBrowserClient(): FocalNetClient {
  return createFocalNetClient({ baseUrl: window.location.origin, sessionStore: browserSessionStore(), keyCrypto: workerKeyCrypto() });
}
