import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookSecretIssued } from '../../../../shared/schemas/webhooks';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';

/** Arrivals are what a national system most needs to hear of: chosen to begin with. */
const FIRST_CHOICE: readonly WebhookEvent[] = ['request.arrived', 'message.arrived'];

/** Registers an endpoint of the admin's own state; the secret comes back once, to `onCreated`. */
export function AddEndpointForm({ onCreated }: { onCreated: (issued: WebhookSecretIssued) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...FIRST_CHOICE]);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const toggle = (event: WebhookEvent): void =>
    setEvents(events.includes(event) ? events.filter((e) => e !== event) : [...events, event]);
  const submit = async (form: FormEvent): Promise<void> => {
    form.preventDefault();
    setTried(true);
    if (url.trim() === '' || events.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await client.webhooks.create({ url: url.trim(), events, description }));
      setUrl('');
      setDescription('');
      setEvents([...FIRST_CHOICE]);
      setTried(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card form"
      onSubmit={(form) => void submit(form)}
      aria-labelledby="add-webhook-title"
      noValidate
      data-testid="add-webhook"
    >
      <h3 id="add-webhook-title">{t('webhooks.add.title')}</h3>
      <Field
        label={t('webhooks.add.url')}
        hint={t('webhooks.add.urlHint')}
        error={tried && url.trim() === '' && t('webhooks.add.urlMissing')}
      >
        {(field) => (
          <input
            {...field}
            name="webhook-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            maxLength={2048}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            disabled={busy}
          />
        )}
      </Field>
      <Field label={t('webhooks.add.description')} hint={t('webhooks.add.descriptionHint')}>
        {(field) => (
          <input
            {...field}
            name="webhook-description"
            maxLength={200}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            disabled={busy}
          />
        )}
      </Field>
      <fieldset aria-invalid={tried && events.length === 0}>
        <legend>{t('webhooks.add.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="checkbox">
            <input
              type="checkbox"
              name="webhook-event"
              value={event}
              checked={events.includes(event)}
              onChange={() => toggle(event)}
              disabled={busy}
            />
            {t(`webhooks.event.${event}`)}
          </label>
        ))}
        {tried && events.length === 0 && <span className="field-error">{t('webhooks.add.eventsMissing')}</span>}
      </fieldset>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('webhooks.add.submit')}
        </button>
      </div>
    </form>
  );
}
