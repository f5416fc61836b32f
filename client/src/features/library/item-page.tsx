import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryFileEntry, OpenedLibraryVersion as OpenedVersion } from '../../../sdk/index';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useFileSize } from '../../hooks/use-file-size';
import { useLoaded } from '../../hooks/use-loaded';
import { formatDateTime, type UiLanguage } from '../../lib/format-time';
import { saveFile } from '../../lib/save-file';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useClient, useSession } from '../../services/client-context';
import { useDomains } from './use-domain-names';
import './library.css';

/** One item: the chosen version's text and files, decrypted and checked here; its versions; author and state. */
export function ItemPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const me = useSession()?.user;
  const { nameOf } = useDomains();
  const size = useFileSize();
  const item = useLoaded(useCallback(() => client.library.item(id), [client, id]));
  const [chosen, setChosen] = useState<number>();
  const [error, setError] = useState<unknown>();
  const language = i18n.language as UiLanguage;

  if (item.error) return <FormError error={item.error} />;
  if (!item.data) return <p>{t('common.loading')}</p>;
  const detail = item.data;
  const version: OpenedVersion =
    detail.versions.find((v) => v.version === (chosen ?? detail.versionCount)) ?? detail.latest;
  const editor =
    me &&
    (me.id === detail.authorId ||
      me.role === 'network-admin' ||
      (me.role === 'national-admin' && me.state === detail.authorState));
  const download = async (file: LibraryFileEntry): Promise<void> => {
    setError(undefined);
    try {
      const bytes = await client.library.downloadFile(file);
      saveFile(new Blob([new Uint8Array(bytes)], { type: file.type }), file.name);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <article className="library-detail">
      <p>
        <Link to="/library">{t('library.item.back')}</Link>
      </p>
      <h2>{version.state === 'open' ? version.title : t(`library.kinds.${detail.kind}`)}</h2>
      <p className="library-facts">
        <span className="badge">{t(`library.kinds.${detail.kind}`)}</span>
        {detail.domain && detail.audience.kind !== 'domain' && <span>{nameOf(detail.domain)}</span>}
        <span>
          {t(`library.audience.${detail.audience.kind}`, { domain: detail.domain ? nameOf(detail.domain) : '' })}
        </span>
        <span>{t('library.item.version', { version: version.version })}</span>
      </p>
      <p className="detail">
        {t('library.by', {
          name: version.author.displayName,
          state: version.author.state ?? t('library.secretariat'),
          date: formatDateTime(version.createdAt, language),
        })}
      </p>
      <FormError error={error} />
      {version.state === 'locked' && <p className="card warning">{t('library.locked')}</p>}
      {version.state === 'invalid' && (
        <p className="card warning">{t('library.invalid', { reason: version.reason })}</p>
      )}
      {version.state === 'open' && (
        <>
          <p className="detail">{t('library.item.signed')}</p>
          {version.summary && <p className="library-summary">{version.summary}</p>}
          {version.tags.length > 0 && (
            <p className="library-tags">
              {version.tags.map((tag) => (
                <span key={tag} className="tag">
                  #{tag}
                </span>
              ))}
            </p>
          )}
          {version.text && (
            <div className="card library-text" data-testid="library-text">
              {version.text}
            </div>
          )}
          {version.files.length > 0 && (
            <section>
              <h3>{t('library.item.files')}</h3>
              <ul className="library-files">
                {version.files.map((file) => (
                  <li key={file.id}>
                    <button type="button" className="secondary" onClick={() => void download(file)}>
                      {t('library.item.download', { name: file.name })}
                    </button>{' '}
                    <span className="detail">{size(file.size)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {detail.versions.length > 1 && (
        <section>
          <h3>{t('library.item.history')}</h3>
          <ul className="library-versions">
            {[...detail.versions].reverse().map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  className="link"
                  aria-current={v.version === version.version ? 'true' : undefined}
                  onClick={() => setChosen(v.version)}
                >
                  {t('library.item.version', { version: v.version })}
                  {v.version === detail.versionCount ? ` (${t('library.item.latest')})` : ''}
                </button>{' '}
                <span className="detail">{formatDateTime(v.createdAt, language)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {editor && (
        <p className="library-actions">
          <Link to={`/library/${detail.id}/new-version`} className="button">
            {t('library.item.newVersion')}
          </Link>{' '}
          <ConfirmAction
            label={t('library.item.withdraw')}
            className="danger"
            title={t('library.item.withdrawConfirm')}
            confirm={t('library.item.withdraw')}
            onConfirm={async () => {
              await client.library.withdraw(detail.id);
              navigate('/library');
            }}
          />
        </p>
      )}
    </article>
  );
}
