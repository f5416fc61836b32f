import type { ReactNode } from 'react';
import { PolicyGate } from '../policies/policy-gate';
import { ApprovalsPage } from './approvals-page';

/** The page for /approvals, or undefined for any other path. */
export function approvalsPage(path: string): ReactNode | undefined {
  return path === '/approvals' ? (
    <PolicyGate action="approval:list">{(me) => <ApprovalsPage me={me} />}</PolicyGate>
  ) : undefined;
}
