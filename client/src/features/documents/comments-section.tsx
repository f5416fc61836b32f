import { useTranslation } from 'react-i18next';
import type { OpenedComment } from '../../../sdk/index';
import { useLabels } from '../../components/use-labels';

/** Every comment and objection, per state, with its version and time. */
export function CommentsSection({ comments, current }: { comments: OpenedComment[]; current: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const states = [...new Set(comments.map((comment) => comment.state))].sort();
  return (
    <section data-testid="document-comments">
      <h3>{t('documents.page.comments')}</h3>
      {states.length === 0 && <p className="hint">{t('documents.page.noComments')}</p>}
      {states.map((state) => (
        <div key={state} className="card state-comments" data-state={state}>
          <h4>{labels.state(state)}</h4>
          {comments
            .filter((comment) => comment.state === state)
            .map((comment) => (
              <div key={comment.id} className={`comment comment-${comment.kind}`} data-testid="document-comment">
                <p className="hint">
                  <span className={`badge ${comment.kind === 'objection' ? 'rejected' : 'open'}`}>
                    {t(`documents.page.${comment.kind}`)}
                  </span>{' '}
                  {comment.version !== current && `${t('documents.page.onVersion', { number: comment.version })} · `}
                  {labels.date(comment.at)}
                </p>
                <p className="document-text">{comment.text ?? t('documents.page.unreadableComment')}</p>
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}
