import { useTranslation } from 'react-i18next';
import type { OpenedDocumentVersion as OpenedVersion } from '../../../sdk/index';
import { useLabels } from '../../components/use-labels';
import { lineDiff } from './line-diff';

function Changes({ before, after }: { before: OpenedVersion; after: OpenedVersion }) {
  const { t } = useTranslation();
  if (!before.readable || !after.readable) return null;
  const diff = lineDiff(before.text, after.text);
  if (diff.every((line) => line.kind === 'same'))
    return <p className="hint">{t('documents.page.noChanges', { number: before.number })}</p>;
  return (
    <>
      <p className="hint">{t('documents.page.changes', { number: before.number })}</p>
      <pre className="document-diff">
        {diff
          .filter((line) => line.kind !== 'same')
          .map((line, index) => (
            <span key={index} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : '− '}
              {line.text}
              {'\n'}
            </span>
          ))}
      </pre>
    </>
  );
}

/** Every version, newest first, with its text and what changed from the one before. */
export function VersionHistory({ versions }: { versions: OpenedVersion[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section data-testid="document-versions">
      <h3>{t('documents.page.history')}</h3>
      {[...versions].reverse().map((version) => {
        const previous = versions.find((candidate) => candidate.number === version.number - 1);
        return (
          <details key={version.number} className="card" data-version={version.number}>
            <summary>
              {t('documents.page.version', { number: version.number })} ·{' '}
              {t('documents.page.versionOf', { date: labels.date(version.circulatedAt) })}
            </summary>
            {previous && <Changes before={previous} after={version} />}
            {version.readable ? (
              <div className="document-text">{version.text}</div>
            ) : (
              <p className="hint">
                {version.waitingForKey ? t('documents.page.waitingForKey') : t('documents.page.unreadable')}
              </p>
            )}
          </details>
        );
      })}
    </section>
  );
}
