import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { parseAudienceKey, audienceKey, type Audience } from '../../../../shared/schemas/audience';
import type { CircularPreview, CircularSent } from '../../../../shared/schemas/circulars';
import type { Labels } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { LabelsFields } from '../messaging/labels-fields';
import { useAudienceWords } from './audience-words';
import { LeftOutList } from './left-out-list';

const INITIAL_LABELS: Labels = { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' };

/**
 * Writes a circular: the audience, the labels, subject and text; then the preview of who will
 * receive it and which states are left out and why, before anything is sent; then send (sealed here).
 */
export function ComposeForm({ me, onSent }: { me: UserView; onSent: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const words = useAudienceWords();
  const domains = useActiveDomains();
  const [audience, setAudience] = useState<Audience>({ kind: 'domain', domain: INITIAL_LABELS.domain });
  const [labels, setLabels] = useState<Labels>(INITIAL_LABELS);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<CircularPreview>();
  const [sent, setSent] = useState<CircularSent>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const audiences: Audience[] = [
    ...domains.map(({ code }): Audience => ({ kind: 'domain', domain: code })),
    { kind: 'national-admins' },
    ...(me.role === 'network-admin' ? [{ kind: 'everyone' } as const] : []),
  ];
  const changed = (): void => {
    setPreview(undefined);
    setSent(undefined);
    setError(undefined);
  };
  const chooseAudience = (next: Audience): void => {
    setAudience(next);
    if (next.kind === 'domain') setLabels({ ...labels, domain: next.domain });
    changed();
  };
  const run = async <T,>(action: () => Promise<T>, done: (value: T) => void): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      done(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const complete = subject.trim() !== '' && text.trim() !== '';
  return (
    <form className="card circular-compose" onSubmit={(e) => e.preventDefault()} data-testid="compose-circular">
      <h3>{t('circulars.compose.title')}</h3>
      <Field label={t('circulars.audience.label')}>
        {(field) => (
          <select
            {...field}
            name="audience"
            value={audienceKey(audience)}
            onChange={(e) => {
              const next = parseAudienceKey(e.target.value);
              if (next) chooseAudience(next);
            }}
          >
            {audiences.map((option) => (
              <option key={audienceKey(option)} value={audienceKey(option)}>
                {words.audience(option)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LabelsFields
        labels={labels}
        onChange={(next) => {
          setLabels(next);
          if (audience.kind === 'domain' && next.domain !== audience.domain)
            setAudience({ kind: 'domain', domain: next.domain });
          changed();
        }}
      />
      <Field label={t('circulars.compose.subject')}>
        {(field) => (
          <input
            {...field}
            name="subject"
            value={subject}
            maxLength={200}
            onChange={(e) => setSubject(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('circulars.compose.text')} hint={t('circulars.compose.hint')}>
        {(field) => <textarea {...field} name="text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <FormError error={error} />
      <div className="form-row">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(() => client.circulars.preview(audience, labels), setPreview)}
        >
          {t('circulars.compose.preview')}
        </button>
      </div>
      {preview && (
        <section data-testid="circular-preview" aria-live="polite">
          <h4>{t('circulars.compose.previewTitle')}</h4>
          {preview.recipients.length === 0 ? (
            <p className="warning">{t('circulars.compose.nobody')}</p>
          ) : (
            <p data-testid="preview-reach">
              {t('circulars.compose.reaches', {
                count: preview.recipients.length,
                states: [...new Set(preview.recipients.map((r) => words.state(r.state ?? 'XS')))].join(', '),
              })}
            </p>
          )}
          {preview.leftOut.length > 0 && (
            <>
              <h4>{t('circulars.compose.leftOutTitle')}</h4>
              <LeftOutList leftOut={preview.leftOut} />
              <p className="detail">{t('circulars.compose.neverHeld')}</p>
            </>
          )}
          {!complete && <p className="detail">{t('circulars.compose.missing')}</p>}
          <button
            type="button"
            disabled={busy || !complete || preview.recipients.length === 0}
            onClick={() =>
              void run(
                () => client.circulars.send({ audience, labels, content: { subject, text } }),
                (result) => {
                  setSent(result);
                  setPreview(undefined);
                  setSubject('');
                  setText('');
                  onSent();
                },
              )
            }
          >
            {busy ? t('circulars.compose.sending') : t('circulars.compose.send')}
          </button>
        </section>
      )}
      {sent && (
        <p className="success" role="status" data-testid="circular-sent">
          {t('circulars.compose.sent', { count: sent.recipients })}
        </p>
      )}
    </form>
  );
}
