import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { EventView, ParticipantInput } from '../../../../shared/schemas/events';
import { ConfirmAction } from '../../components/confirm-action';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

const isOpen = (event: EventView, now: number): boolean =>
  event.status === 'scheduled' &&
  new Date(event.registrationDeadline).getTime() >= now &&
  new Date(event.startsAt).getTime() > now;

/** Counts per state for everyone; names as the server lets the reader see them; a national admin registers their state's people. */
export function RegistrationSection(props: { me: UserView; event: EventView; now: number; onChanged: () => void }) {
  const { me, event, now, onChanged } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const client = useClient();
  const open = isOpen(event, now);
  const mayRegister = me.role === 'national-admin' && me.status === 'active' && me.state !== null;
  return (
    <section className="card" aria-labelledby="registrations-title" data-testid="registrations">
      <h3 id="registrations-title">{t('events.registrations.title')}</h3>
      {event.registeredByState.length === 0 ? (
        <p>{t('events.registrations.nobody')}</p>
      ) : (
        <>
          <h4>{t('events.registrations.byState')}</h4>
          <ul data-testid="registered-by-state">
            {event.registeredByState.map((row) => (
              <li key={row.state}>
                {labels.state(row.state)}: {row.count}
              </li>
            ))}
          </ul>
          <p>{t('events.registrations.total', { count: event.registeredTotal })}</p>
        </>
      )}
      {event.participants.length > 0 && (
        <div className="table-scroll">
          <table data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t('events.registrations.name')}</th>
                <th scope="col">{t('events.registrations.function')}</th>
                <th scope="col">{t('events.registrations.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('events.registrations.withdraw')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {event.participants.map((participant) => (
                <tr key={participant.id}>
                  <td>{participant.name}</td>
                  <td>{participant.userId ? t('events.registrations.focalPoint') : participant.function}</td>
                  <td>{labels.state(participant.state)}</td>
                  <td>
                    {mayRegister && participant.state === me.state && new Date(event.startsAt).getTime() > now && (
                      <ConfirmAction
                        label={t('events.registrations.withdraw')}
                        title={t('events.registrations.withdrawTitle')}
                        confirm={t('events.registrations.withdrawConfirm')}
                        className="secondary"
                        onConfirm={async () => {
                          await client.events.withdraw(event.id, participant.id);
                          onChanged();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayRegister &&
        (open ? (
          <RegisterForm me={me} event={event} onChanged={onChanged} />
        ) : (
          <p>{t('events.registrations.closed')}</p>
        ))}
    </section>
  );
}

function RegisterForm({ me, event, onChanged }: { me: UserView; event: EventView; onChanged: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const state = me.state ?? '';
  const focalPoints = useLoaded(
    useCallback(() => client.users.list({ state, role: 'focal-point', status: 'active' }), [client, state]),
  );
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [fn, setFn] = useState('');
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const registered = new Set(event.participants.map((p) => p.userId));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const participants: ParticipantInput[] = [];
    if (userId) participants.push({ userId });
    if (name.trim() || fn.trim()) participants.push({ name: name.trim(), function: fn.trim() });
    setMissing(participants.length === 0);
    if (participants.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.events.register(event.id, state, participants);
      setUserId('');
      setName('');
      setFn('');
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="register-form" noValidate>
      <h4>{t('events.registrations.registerTitle')}</h4>
      <p className="detail">{t('events.registrations.voluntary')}</p>
      <Field label={t('events.registrations.pickFocalPoint')}>
        {(field) => (
          <select {...field} name="focalPoint" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('events.registrations.choose')}</option>
            {(focalPoints.data ?? [])
              .filter((person) => !registered.has(person.id))
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('events.registrations.orOfficial')}</legend>
        <Field label={t('events.registrations.officialName')}>
          {(field) => <input {...field} name="officialName" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('events.registrations.officialFunction')}>
          {(field) => <input {...field} name="officialFunction" value={fn} onChange={(e) => setFn(e.target.value)} />}
        </Field>
      </fieldset>
      {missing && <p className="field-error">{t('events.registrations.nothingChosen')}</p>}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('events.registrations.submit')}
        </button>
      </div>
    </form>
  );
}
