import type { Logger } from 'pino';
import type { AccountsDeps } from './accounts-deps.js';
import { issueBootstrapInvitation } from './invitations.js';

/**
 * First start with no network admin: print a one-time invitation link for the first one (on the
 * console only, never in the JSON logs). While an earlier link is still open, say how to get a new one.
 */
export async function announceBootstrap(deps: AccountsDeps, logger: Logger): Promise<void> {
  if ((await deps.users.countByRole('network-admin', ['active', 'pending-verification', 'suspended'])) > 0) return;
  const open = (await deps.invitations.list({})).some(
    (i) => i.role === 'network-admin' && i.status === 'open' && i.expiresAt > deps.clock.now(),
  );
  if (open) {
    logger.info('no network admin yet; a bootstrap invitation is open');
    console.log('No network admin yet. A bootstrap invitation is open; for a fresh link run: npm run cli -- bootstrap');
    return;
  }
  const { link, expiresAt } = await issueBootstrapInvitation(deps);
  logger.info({ expiresAt }, 'bootstrap invitation issued');
  console.log(
    `\nNo network admin yet. Open this one-time link to register the first one (valid until ${expiresAt.toISOString()}):\n  ${link}\n`,
  );
}
