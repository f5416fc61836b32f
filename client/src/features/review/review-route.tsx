import type { ReactNode } from 'react';
import { PolicyGate } from '../policies/policy-gate';
import { ReviewPage } from './review-page';

/** The page for /review, or undefined for any other path. */
export function reviewPage(path: string): ReactNode | undefined {
  return path === '/review' ? (
    <PolicyGate action="review:read">{(me) => <ReviewPage me={me} />}</PolicyGate>
  ) : undefined;
}
