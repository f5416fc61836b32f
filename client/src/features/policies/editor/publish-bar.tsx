import { useTranslation } from 'react-i18next';
import { changeSummary } from './change-summary';
import { PublishError } from './publish-error';
import type { PolicyEditorState } from './use-policy-editor';
import { usePolicyLabels } from '../use-policy-labels';

/** What the next version changes, what must be fixed first, and the button that signs it. */
export function PublishBar({
  editor,
  tried,
  name,
  onPublish,
  onDiscard,
}: {
  editor: PolicyEditorState;
  tried: boolean;
  name: (userId: string) => string;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const { draft, validation, changes, busy, published, reapplied } = editor;
  const hasChanges =
    changes.added.length + changes.removed.length + changes.changed.length > 0 ||
    changes.defaultEffectChanged !== undefined;
  const policyIssues = validation.ok ? [] : validation.issues.filter((issue) => issue.rule === undefined);
  const ruleIssues = validation.ok ? 0 : validation.issues.length - policyIssues.length;

  return (
    <section className="card publish-bar" aria-labelledby="publish-title" data-testid="publish-bar">
      <h3 id="publish-title">{t('policies.publish.title', { version: draft.version })}</h3>
      {published && (
        <p className="success" role="status" data-testid="published">
          {published.awaitingCosignature
            ? t('policies.publish.awaiting', {
                version: published.policy.version,
                expires: l.date(published.awaitingCosignature.expiresAt),
              })
            : t('policies.publish.done', { version: published.policy.version })}
        </p>
      )}
      {reapplied && (
        <div className="warning" role="status" data-testid="reapplied">
          <p>
            {t('policies.publish.reapplied', {
              version: reapplied.onTopOf.policy.version,
              name: name(reapplied.onTopOf.signedBy.userId),
              date: l.date(reapplied.onTopOf.createdAt),
            })}
          </p>
          {reapplied.conflicts.length > 0 && (
            <p>{t('policies.publish.conflicts', { ids: reapplied.conflicts.join(', ') })}</p>
          )}
          {reapplied.defaultEffectConflict && <p>{t('policies.publish.defaultConflict')}</p>}
        </div>
      )}
      <p data-testid="pending-changes">
        {editor.basePolicy.version === 0
          ? t('policies.publish.first')
          : t('policies.publish.against', { version: editor.basePolicy.version })}{' '}
        {changeSummary(changes, t, l.effect)}
      </p>
      {tried && !validation.ok && (
        <div className="form-error" role="alert" data-testid="draft-invalid">
          <p>{t('policies.publish.fixFirst', { count: ruleIssues })}</p>
          {policyIssues.length > 0 && (
            <ul>
              {policyIssues.map((issue) => (
                <li key={issue.message}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <PublishError error={editor.error} onReapply={() => void editor.reapply()} busy={busy} />
      <p className="hint">{t('policies.publish.signHint')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onPublish} disabled={busy || !hasChanges}>
          {busy ? t('policies.publish.signing') : t('policies.publish.sign', { version: draft.version })}
        </button>
        <button type="button" onClick={onDiscard} disabled={busy || !hasChanges}>
          {t('policies.publish.discard')}
        </button>
      </div>
    </section>
  );
}
