import { PolicyGate } from '../policies/policy-gate';
import { CirculatePage } from './circulate-page';
import { DocumentPage } from './document-page';
import { DocumentsListPage } from './documents-list-page';
import type { FileInLibrary } from './library-hook';
import './documents.css';

const ID = /^\/documents\/([0-9a-f]{24})$/;

/** /documents, /documents/new (the secretariat), /documents/<id>. */
export function DocumentRoutes({
  path,
  onFileInLibrary,
}: {
  path: string;
  onFileInLibrary?: FileInLibrary | undefined;
}) {
  const id = ID.exec(path)?.[1];
  return (
    <PolicyGate action="consensus:read">
      {(me) =>
        path === '/documents/new' && me.role === 'network-admin' ? (
          <CirculatePage />
        ) : id ? (
          <DocumentPage me={me} proposalId={id} onFileInLibrary={onFileInLibrary} />
        ) : (
          <DocumentsListPage me={me} />
        )
      }
    </PolicyGate>
  );
}
