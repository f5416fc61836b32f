import type { ReactNode } from 'react';
import { PolicyGate } from '../policies/policy-gate';
import { WebhooksPage } from './webhooks-page';

/** The page for /webhooks, or undefined for any other path. */
export function webhooksPage(path: string): ReactNode | undefined {
  return path === '/webhooks' ? (
    <PolicyGate action="webhook:list">{(me) => <WebhooksPage me={me} />}</PolicyGate>
  ) : undefined;
}
