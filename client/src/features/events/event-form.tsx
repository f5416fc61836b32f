import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventInput, type EventKind, type EventView } from '../../../../shared/schemas/events';
import type { UserView } from '../../../../shared/schemas/accounts';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { useDomains } from '../../services/domains';
import { fromLocalInput, toLocalInput, viewerZone } from './event-times';
import { eventFieldsOf, trainingRequestOfLocation } from './from-training-request';
import type { TrainingRequestView } from '../../../../shared/schemas/training';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

interface Draft {
  kind: EventKind;
  titleEn: string;
  titleRu: string;
  descriptionEn: string;
  descriptionRu: string;
  domains: string[];
  hostState: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  online: boolean;
  languages: string;
  partners: string;
  capacity: string;
  registrationDeadline: string;
}

function draftOf(event: EventView | undefined, me: UserView): Draft {
  if (!event)
    return {
      kind: 'seminar',
      titleEn: '',
      titleRu: '',
      descriptionEn: '',
      descriptionRu: '',
      domains: [],
      hostState: me.role === 'network-admin' ? null : me.state,
      startsAt: '',
      endsAt: '',
      timeZone: viewerZone(),
      venue: '',
      online: false,
      languages: 'en, ru',
      partners: '',
      capacity: '',
      registrationDeadline: '',
    };
  const zone = event.timeZone;
  return {
    kind: event.kind,
    titleEn: event.title.en ?? '',
    titleRu: event.title.ru ?? '',
    descriptionEn: event.description?.en ?? '',
    descriptionRu: event.description?.ru ?? '',
    domains: event.domains,
    hostState: event.hostState,
    startsAt: toLocalInput(event.startsAt, zone),
    endsAt: toLocalInput(event.endsAt, zone),
    timeZone: zone,
    venue: event.venue ?? '',
    online: event.online,
    languages: event.languages.join(', '),
    partners: event.partners.join(', '),
    capacity: event.capacity === null ? '' : String(event.capacity),
    registrationDeadline: toLocalInput(event.registrationDeadline, zone),
  };
}

const texts = (en: string, ru: string) => ({
  ...(en.trim() ? { en: en.trim() } : {}),
  ...(ru.trim() ? { ru: ru.trim() } : {}),
});

/** The input the server checks (dates, zone, overlaps); the form only turns local times into instants. */
function inputOf(draft: Draft): EventInput {
  const at = (local: string) => fromLocalInput(local, draft.timeZone) ?? local;
  const description = texts(draft.descriptionEn, draft.descriptionRu);
  return {
    kind: draft.kind,
    title: texts(draft.titleEn, draft.titleRu),
    ...(description.en || description.ru ? { description } : {}),
    domains: draft.domains,
    hostState: draft.hostState,
    startsAt: at(draft.startsAt),
    endsAt: at(draft.endsAt),
    timeZone: draft.timeZone.trim(),
    venue: draft.venue.trim() || null,
    online: draft.online,
    languages: list(draft.languages),
    partners: list(draft.partners),
    capacity: draft.capacity.trim() ? Number(draft.capacity) : null,
    registrationDeadline: at(draft.registrationDeadline),
  };
}

/**
 * /events/new and /events/:id/edit. `/events/new?trainingRequest=<id>` plans an accepted training
 * request: the form starts from the request, and the request is marked planned with the new event.
 */
export function EventFormPage({ me, eventId }: { me: UserView; eventId?: string }) {
  const client = useClient();
  const requestId = eventId ? undefined : trainingRequestOfLocation();
  const loaded = useLoaded(
    useCallback(async () => (eventId ? client.events.get(eventId) : undefined), [client, eventId]),
  );
  const request = useLoaded(
    useCallback(async () => (requestId ? client.training.request(requestId) : undefined), [client, requestId]),
  );
  if (eventId && !loaded.data) return <FormError error={loaded.error} />;
  if (requestId && !request.data) return <FormError error={request.error} />;
  return <EventForm me={me} event={loaded.data} trainingRequest={request.data} />;
}

function EventForm({
  me,
  event,
  trainingRequest,
}: {
  me: UserView;
  event: EventView | undefined;
  trainingRequest?: TrainingRequestView | undefined;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const client = useClient();
  const domains = useDomains().filter((domain) => !domain.retiredAt);
  const [draft, setDraft] = useState<Draft>(() => ({
    ...draftOf(event, me),
    ...(trainingRequest ? eventFieldsOf(trainingRequest) : {}),
  }));
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<{ title?: boolean; domains?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const problems = { title: !draft.titleEn.trim() && !draft.titleRu.trim(), domains: draft.domains.length === 0 };
    setMissing(problems);
    if (problems.title || problems.domains) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = event
        ? await client.events.update(event.id, inputOf(draft))
        : await client.events.propose(inputOf(draft));
      if (trainingRequest) await client.training.recordPlannedEvent(trainingRequest.id, saved.id);
      navigate(`/events/${saved.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: keyof Draft,
    label: string,
    props: { hint?: string; error?: string | false | undefined; type?: string } = {},
  ) => (
    <Field label={label} {...(props.hint ? { hint: props.hint } : {})} error={props.error}>
      {(field) => (
        <input
          {...field}
          name={key}
          type={props.type ?? 'text'}
          value={String(draft[key] ?? '')}
          onChange={(e) => set(key, e.target.value as never)}
        />
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="event-form" noValidate>
      <h2>{event ? t('events.form.editTitle') : t('events.form.proposeTitle')}</h2>
      <Field label={t('events.fields.kind')}>
        {(field) => (
          <select {...field} name="kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as EventKind)}>
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`events.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('titleEn', t('events.fields.titleEn'), {
        hint: t('events.fields.titleHint'),
        error: Boolean(missing.title) && t('events.fields.titleMissing'),
      })}
      {text('titleRu', t('events.fields.titleRu'))}
      <Field label={t('events.fields.descriptionEn')}>
        {(field) => (
          <textarea
            {...field}
            name="descriptionEn"
            rows={4}
            value={draft.descriptionEn}
            onChange={(e) => set('descriptionEn', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('events.fields.descriptionRu')}>
        {(field) => (
          <textarea
            {...field}
            name="descriptionRu"
            rows={4}
            value={draft.descriptionRu}
            onChange={(e) => set('descriptionRu', e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('events.fields.domains')}</legend>
        {domains.map((domain) => (
          <label key={domain.code} className="checkbox">
            <input
              type="checkbox"
              name="domains"
              value={domain.code}
              checked={draft.domains.includes(domain.code)}
              onChange={(e) =>
                set(
                  'domains',
                  e.target.checked ? [...draft.domains, domain.code] : draft.domains.filter((c) => c !== domain.code),
                )
              }
            />
            {labels.domain(domain.code)}
          </label>
        ))}
        {missing.domains && <p className="field-error">{t('events.fields.domainsMissing')}</p>}
      </fieldset>
      {me.role === 'network-admin' ? (
        <Field label={t('events.fields.host')}>
          {(field) => (
            <select
              {...field}
              name="hostState"
              value={draft.hostState ?? ''}
              onChange={(e) => set('hostState', e.target.value || null)}
            >
              <option value="">{t('events.secretariat')}</option>
              {labels.sortedStates().map((state) => (
                <option key={state.code} value={state.code}>
                  {state.name[labels.language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="detail">
          {t('events.fields.host')}: {labels.state(me.state)}. {t('events.form.hostOwn')}
        </p>
      )}
      {text('timeZone', t('events.fields.timeZone'), { hint: t('events.fields.timeHint') })}
      {text('startsAt', t('events.fields.starts'), { type: 'datetime-local' })}
      {text('endsAt', t('events.fields.ends'), { type: 'datetime-local' })}
      {text('registrationDeadline', t('events.fields.deadline'), { type: 'datetime-local' })}
      {text('venue', t('events.fields.venue'), { hint: t('events.fields.venueHint') })}
      <label className="checkbox">
        <input type="checkbox" name="online" checked={draft.online} onChange={(e) => set('online', e.target.checked)} />
        {t('events.fields.online')}
      </label>
      {text('languages', t('events.fields.languages'), { hint: t('events.fields.languagesHint') })}
      {text('partners', t('events.fields.partners'), { hint: t('events.fields.partnersHint') })}
      {text('capacity', t('events.fields.capacity'), { hint: t('events.fields.capacityHint'), type: 'number' })}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {event ? t('events.form.submitEdit') : t('events.form.submitPropose')}
        </button>
      </div>
    </form>
  );
}
