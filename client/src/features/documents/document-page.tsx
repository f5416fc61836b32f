import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { DocumentFileRef } from '../../../../shared/crypto/document-seal';
import type { OpenedDocument } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useFileSize } from '../../hooks/use-file-size';
import { useLoaded } from '../../hooks/use-loaded';
import { useNow } from '../../hooks/use-now';
import { saveFile } from '../../lib/save-file';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useConsensusUpdates } from '../consensus/use-consensus-updates';
import { CommentsSection } from './comments-section';
import { ReviseForm, RespondForm, StageForm } from './document-forms';
import type { FileInLibrary } from './library-hook';
import { VersionHistory } from './version-history';

function Files({ proposalId, files }: { proposalId: string; files: DocumentFileRef[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const size = useFileSize();
  const [error, setError] = useState<unknown>();
  if (files.length === 0) return null;
  const download = async (file: DocumentFileRef): Promise<void> => {
    try {
      const bytes = await client.documents.downloadFile(proposalId, file);
      saveFile(new Blob([new Uint8Array(bytes)], { type: file.type }), file.name);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section>
      <h3>{t('documents.page.files')}</h3>
      <ul data-testid="document-files">
        {files.map((file) => (
          <li key={file.fileId}>
            {file.name} ({size(file.size)}){' '}
            <button type="button" className="link" onClick={() => void download(file)}>
              {t('documents.page.download')}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
    </section>
  );
}

function LibraryButton({ doc, onFile, onDone }: { doc: OpenedDocument; onFile: FileInLibrary; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const final = doc.versions.at(-1);
  if (!final?.readable) return null;
  const file = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const files = await Promise.all(
        final.files.map(async (ref) => ({
          name: ref.name,
          type: ref.type,
          bytes: await client.documents.downloadFile(doc.view.proposalId, ref),
        })),
      );
      const itemId = await onFile({
        proposalId: doc.view.proposalId,
        version: final.number,
        meta: doc.view.meta,
        title: final.title,
        text: final.text,
        files,
        adoptedAt: doc.view.proposal.settledAt,
      });
      await client.documents.noteLibraryItem(doc.view.proposalId, { itemId });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void file()} data-testid="file-in-library">
        {busy ? t('documents.page.filing') : t('documents.page.fileInLibrary')}
      </button>
      <FormError error={error} />
    </>
  );
}

/** One document for comment: the current text, files, versions, comments per state, and what I may do. */
export function DocumentPage({
  me,
  proposalId,
  onFileInLibrary,
}: {
  me: UserView;
  proposalId: string;
  onFileInLibrary?: FileInLibrary | undefined;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const now = useNow();
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.documents.open(proposalId), [client, proposalId]));
  useConsensusUpdates(
    useCallback((proposal) => (!proposal || proposal.id === proposalId) && loaded.reload(), [proposalId, loaded]),
  );
  const doc = loaded.data;
  if (!doc)
    return (
      <>
        <FormError error={loaded.error} />
        {!loaded.error && <p>{t('common.loading')}</p>}
      </>
    );
  const { proposal } = doc.view;
  const current = proposal.documentVersion ?? doc.versions.length;
  const latest = doc.versions.find((version) => version.number === current);
  const open = proposal.status === 'open';
  const secretariat = me.role === 'network-admin';
  const mayRespond =
    open && me.role === 'national-admin' && me.state !== null && proposal.electorate.includes(me.state);
  return (
    <article className="document-page" data-testid="document-page" data-status={proposal.status}>
      <p>
        <Link to="/documents">← {t('documents.page.back')}</Link>
      </p>
      <h2 data-testid="document-title">{latest?.readable ? latest.title : t('documents.list.untitled')}</h2>
      <p className="hint">
        <span className={`badge ${proposal.status}`}>{t(`documents.status.${proposal.status}`)}</span>{' '}
        {t(`documents.kind.${doc.view.meta.kind}`)} · {labels.domains(doc.view.meta.domains)} ·{' '}
        {doc.view.meta.languages.join(', ').toUpperCase()} · {t('documents.page.version', { number: current })}
      </p>
      <p data-testid="document-deadline">
        {open
          ? `${t('documents.page.deadline', { date: labels.date(proposal.deadline) })} (${labels.relative(proposal.deadline, now)})`
          : t('documents.page.closed')}
      </p>
      {doc.sharedKeys > 0 && (
        <p className="success" role="status">
          {t('documents.page.sharedKeys', { count: doc.sharedKeys })}
        </p>
      )}
      {latest?.readable ? (
        <>
          <div className="card document-text" data-testid="document-text">
            {latest.text}
          </div>
          <Files proposalId={proposalId} files={latest.files} />
        </>
      ) : (
        <p className="card hint" data-testid="document-waiting">
          {latest && !latest.readable && latest.waitingForKey
            ? t('documents.page.waitingForKey')
            : t('documents.page.unreadable')}
        </p>
      )}
      {mayRespond && <RespondForm proposalId={proposalId} onDone={loaded.reload} />}
      {secretariat && open && (
        <ReviseForm
          key={current}
          proposalId={proposalId}
          next={current + 1}
          base={latest?.readable ? { title: latest.title, text: latest.text } : { title: '', text: '' }}
          onDone={loaded.reload}
        />
      )}
      <CommentsSection comments={doc.comments} current={current} />
      <VersionHistory versions={doc.versions} />
      {proposal.status === 'adopted' && (
        <section data-testid="document-stages">
          <h3>{t('documents.page.stages')}</h3>
          {doc.view.stages.length === 0 ? (
            <p className="hint">{t('documents.page.noStages')}</p>
          ) : (
            <ul>
              {doc.view.stages.map((stage) => (
                <li key={`${stage.stage}-${stage.at}`}>
                  {labels.day(stage.date)}: {t(`documents.stage.${stage.stage}`)}
                  {stage.note && ` — ${stage.note}`}
                </li>
              ))}
            </ul>
          )}
          {doc.view.libraryItemId && <p data-testid="library-filed">{t('documents.page.library')}</p>}
          {secretariat && !doc.view.libraryItemId && onFileInLibrary && (
            <LibraryButton doc={doc} onFile={onFileInLibrary} onDone={loaded.reload} />
          )}
          {secretariat && <StageForm proposalId={proposalId} onDone={loaded.reload} />}
        </section>
      )}
    </article>
  );
}
