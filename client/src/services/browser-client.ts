import { createFocalNetClient, type FocalNetClient } from '../../sdk/index';
import { workerKeyCrypto } from '../crypto/worker-key-crypto';
import { workerOpaqueClient } from '../crypto/worker-opaque-client';
import { browserAuditHeads } from './browser-audit-heads';
import { browserKnownKeys } from './browser-known-keys';
import { browserSessionStore } from './browser-session-store';
import { browserSharedRefresh } from './remembered-session';

/**
 * The SDK as the web app uses it: same origin, tokens per tab (shared by the tabs when this browser
 * remembers the person: they take turns to refresh), key crypto and OPAQUE in Web Workers, contacts' keys
 * remembered per browser, and so is the newest audit log head it verified.
 */
export function createBrowserClient(): FocalNetClient {
  return createFocalNetClient({
    baseUrl: window.location.origin,
    sessionStore: browserSessionStore(),
    keyCrypto: workerKeyCrypto(),
    opaqueClient: workerOpaqueClient(),
    knownKeys: browserKnownKeys(),
    sharedRefresh: browserSharedRefresh,
    auditHeads: browserAuditHeads(),
  });
}
