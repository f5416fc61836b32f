import './messaging.css';
import type { ReactNode } from 'react';
import { PolicyGate } from '../policies/policy-gate';
import { ComposePage } from './compose-page';
import { ConversationsPage } from './conversations-page';
import { MessageSearchPage } from './message-search-page';
import { ThreadPage } from './thread-page';

const THREAD = /^\/messages\/with\/([0-9a-f,]{1,2000})$/;

/** The page for a /messages path, or undefined for any other path. */
export function messagingPage(path: string): ReactNode | undefined {
  if (path === '/messages') return <PolicyGate action="exchange:take-part">{() => <ConversationsPage />}</PolicyGate>;
  if (path === '/messages/new') return <PolicyGate action="exchange:take-part">{() => <ComposePage />}</PolicyGate>;
  if (path === '/messages/search')
    return <PolicyGate action="exchange:take-part">{() => <MessageSearchPage />}</PolicyGate>;
  const thread = THREAD.exec(path);
  if (thread?.[1]) {
    const counterparts = thread[1].split(',').filter(Boolean);
    return (
      <PolicyGate action="exchange:take-part">
        {() => <ThreadPage key={thread[1]} counterparts={counterparts} />}
      </PolicyGate>
    );
  }
  return undefined;
}
