import type { ReactNode } from 'react';
import { PolicyGate } from '../policies/policy-gate';
import { DecisionsPage } from './decisions-page';

/** The page for /decisions, or undefined for any other path. */
export function consensusPage(path: string): ReactNode | undefined {
  return path === '/decisions' ? (
    <PolicyGate action="consensus:read">{(me) => <DecisionsPage me={me} />}</PolicyGate>
  ) : undefined;
}
