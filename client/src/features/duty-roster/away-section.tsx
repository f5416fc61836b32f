import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient, useSession } from '../../services/client-context';
import { DeputyPicker } from './deputy-picker';
import { AwaySentence } from './duty-facts';

/** A datetime-local value (the browser's time zone) as ISO 8601, or nothing when empty. */
const isoOf = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/**
 * "I'm away" for a focal point's entry, by them or their national admin: the deputy, an optional
 * start and end, a note for their state; or, while away, the way back.
 */
export function AwaySection({ entry, onChanged }: { entry: EntryView; onChanged: (entry: EntryView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const self = useSession()?.user.id === entry.userId;
  const [deputy, setDeputy] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [missingDeputy, setMissingDeputy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<'marked' | 'back'>();

  const act = async (action: () => Promise<EntryView>, outcome: 'marked' | 'back'): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      onChanged(await action());
      setDone(outcome);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setMissingDeputy(!deputy);
    if (!deputy) return;
    const start = isoOf(from);
    const end = isoOf(until);
    void act(
      () =>
        client.directory.markAway(entry.userId, {
          deputyUserId: deputy,
          ...(start ? { from: start } : {}),
          ...(end ? { until: end } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      'marked',
    );
  };
  const intro = self ? t('duty.form.intro') : t('duty.form.introOther', { name: entry.name.en });

  return (
    <section className="card form" id="away" aria-labelledby="away-title" data-testid="away-section">
      <h3 id="away-title">{t('duty.away.title')}</h3>
      {done && (
        <p className="success" role="status" data-testid="away-done">
          {done === 'marked' ? t('duty.form.marked') : t('duty.form.cameBack')}
        </p>
      )}
      {entry.away ? (
        <>
          <p>
            <AwaySentence away={entry.away} />{' '}
            {entry.away.deputy && (
              <>
                {t('duty.away.deputy')} {entry.away.deputy.name}
              </>
            )}
          </p>
          <FormError error={error} />
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void act(() => client.directory.clearAway(entry.userId), 'back')}
          >
            {self ? t('duty.form.back') : t('duty.form.backOther')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{intro}</p>
          <DeputyPicker
            entry={entry}
            value={deputy}
            onChange={setDeputy}
            error={missingDeputy ? t('duty.form.deputyRequired') : undefined}
          />
          <Field label={t('duty.form.from')} hint={t('duty.form.fromHint')}>
            {(field) => (
              <input
                {...field}
                type="datetime-local"
                name="from"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('duty.form.until')} hint={t('duty.form.untilHint')}>
            {(field) => (
              <input
                {...field}
                type="datetime-local"
                name="until"
                value={until}
                onChange={(e) => setUntil(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('duty.form.note')} hint={t('duty.form.noteHint')}>
            {(field) => (
              <input {...field} name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <FormError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('duty.form.markAway')}
          </button>
        </form>
      )}
    </section>
  );
}
