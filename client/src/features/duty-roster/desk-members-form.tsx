import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** A national admin ticks the focal points of their state who staff this duty desk. */
export function DeskMembersForm({ desk, onChanged }: { desk: EntryView; onChanged: (entry: EntryView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { language } = useLabels();
  const colleagues = useLoaded(
    useCallback(() => client.directory.search({ states: [desk.state], pageSize: 100 }), [client, desk.state]),
  );
  const [chosen, setChosen] = useState<string[]>(() => (desk.members ?? []).map((m) => m.userId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const people = (colleagues.data?.entries ?? []).filter((c) => c.kind === 'person' && c.userId !== desk.userId);
  const toggle = (userId: string, on: boolean): void =>
    setChosen((current) => (on ? [...current, userId] : current.filter((id) => id !== userId)));
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      onChanged(await client.directory.setDeskMembers(desk.userId, chosen));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} data-testid="desk-members-form" noValidate>
      <fieldset>
        <legend>{t('duty.desk.edit')}</legend>
        <p className="hint">{t('duty.desk.editHint')}</p>
        {people.map((person) => (
          <label key={person.userId} className="checkbox">
            <input
              type="checkbox"
              name="members"
              value={person.userId}
              checked={chosen.includes(person.userId)}
              onChange={(e) => toggle(person.userId, e.target.checked)}
            />{' '}
            {(language === 'ru' && person.name.ru) || person.name.en}
          </label>
        ))}
      </fieldset>
      {saved && (
        <p className="success" role="status">
          {t('duty.desk.saved')}
        </p>
      )}
      <FormError error={error || colleagues.error} />
      <button type="submit" disabled={busy}>
        {t('duty.desk.save')}
      </button>
    </form>
  );
}
