import './policies.css';
import type { ReactNode } from 'react';
import { PolicyEditorPage } from './editor/policy-editor-page';
import { PolicyGate } from './policy-gate';
import { PolicyHistoryPage } from './history/policy-history-page';
import { PreviewPage } from './preview/preview-page';
import { PublishedPoliciesPage } from './published-policies-page';

/** The page for a /policies path, or undefined when the path is not one of them. */
export function policyPage(path: string): ReactNode | undefined {
  switch (path) {
    case '/policies':
      return <PolicyGate action="policy:read">{(me) => <PolicyEditorPage me={me} />}</PolicyGate>;
    case '/policies/history':
      return <PolicyGate action="policy:history">{(me) => <PolicyHistoryPage me={me} />}</PolicyGate>;
    case '/policies/states':
      return <PolicyGate action="policy:read-published">{(me) => <PublishedPoliciesPage me={me} />}</PolicyGate>;
    case '/policies/preview':
      return <PolicyGate action="policy:read-published">{(me) => <PreviewPage me={me} />}</PolicyGate>;
    default:
      return undefined;
  }
}
