import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DEADLINE_MS } from '../../../../shared/requests/header-fields';
import {
  REQUEST_KINDS,
  REQUEST_TEMPLATES,
  domainsOffering,
  type RequestKind,
} from '../../../../shared/requests/templates';
import type { StateCode } from '../../../../shared/schemas/labels';
import type { SendMessageResult } from '../../../../shared/schemas/messaging';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient, useSession } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { useLoaded } from '../../hooks/use-loaded';
import { useNow } from '../../hooks/use-now';
import { contactFromQuery, contactQuery } from '../directory/contact-query';
import { PolicyPreview } from '../policies/preview/policy-preview';
import { AwayRecipientsNotice } from '../duty-roster/away-recipients-notice';
import { useReadablePolicies } from '../policies/preview/use-readable-policies';
import { ComposeLabelsForm, type ComposeLabels } from './compose-labels';
import { buildFields, routeStates, type FieldValues } from './compose-model';
import { ChosenRecipients, RouteRecipients, type Recipient } from './compose-recipients';
import { newMsgId, requestService } from './request-service';
import { prefillFromLocation } from './request-prefill';
import { TemplateFields } from './template-fields';
import { useRequestLabels } from './use-request-labels';

/** The request types a focal point may start (consent is asked from an answered case); a counterpart chosen in the directory comes along. */
export function KindChooser() {
  const l = useRequestLabels();
  const [target] = useState(() => contactFromQuery(window.location.search));
  const query = target ? contactQuery(target) : '';
  return (
    <section className="requests-page">
      <p>
        <Link to="/requests">{l.r('compose.back')}</Link>
      </p>
      <h2>{l.r('compose.chooseType')}</h2>
      <ul className="kind-list">
        {REQUEST_KINDS.filter((kind) => kind !== 'request:consent').map((kind) => (
          <li key={kind}>
            <Link to={`/requests/new/${kind.slice('request:'.length)}${query}`}>{l.kind(kind)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Outcome = { result: SendMessageResult } | { error: unknown };
interface Attempt {
  recipient: Recipient;
  msgId: string;
  outcome?: Outcome;
}

const deadlineProblem = (text: string, now: number): boolean => {
  if (text === '') return false;
  const at = Date.parse(text);
  return Number.isNaN(at) || at <= now || at > now + MAX_DEADLINE_MS;
};

/**
 * Compose a request of one type: labels, the template's encrypted fields, recipients from the
 * directory, the policy preview per recipient state; sealed and sent as one envelope per
 * focal point (sharing a thread). A failed send can be retried: each recipient keeps its msgId,
 * so a retry never makes a second case.
 */
export function ComposePage({ kind, originalId }: { kind: RequestKind; originalId?: string }) {
  const client = useClient();
  const myState = (useSession()?.user.state ?? '') as StateCode;
  const l = useRequestLabels();
  const { t } = useTranslation();
  const service = useMemo(() => requestService(client), [client]);
  const template = REQUEST_TEMPLATES[kind];
  // The network's domains this type is offered in (incl. those added by consensus), the default first.
  const offered = domainsOffering(
    template,
    useActiveDomains().map(({ code }) => code),
  );
  const original = useLoaded(
    useCallback(async () => (originalId ? service.read(originalId) : undefined), [service, originalId]),
  );
  // Opened from a directory entry: addressed to that focal point, in their domain if this type is offered there.
  const [target] = useState(() => (originalId ? undefined : contactFromQuery(window.location.search)));
  // Opened from another page (a screening hit): the state to ask, the urgency and the fields it knows.
  const [prefill] = useState(() =>
    originalId ? { fields: {} } : prefillFromLocation(kind, window.location.search, window.location.hash),
  );
  const [labels, setLabels] = useState<ComposeLabels>({
    domain: target && offered.includes(target.domain) ? target.domain : (offered[0] ?? ''),
    category: template.defaultCategory,
    classification: 'restricted',
    handling: 'H1',
    urgency: prefill.urgency ?? 'standard',
    deadline: '',
  });
  const [values, setValues] = useState<FieldValues>(prefill.fields);
  const [chosen, setChosen] = useState<Recipient[]>(() =>
    target
      ? [{ state: target.state, userId: target.userId }]
      : prefill.state
        ? [{ state: prefill.state, userId: '' }]
        : [],
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formProblem, setFormProblem] = useState<string>();
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [threadId] = useState(newMsgId);
  const now = useNow();
  const policies = useReadablePolicies();

  const fixed = original.data;
  const domain = fixed?.domain ?? labels.domain;
  const recipients: Recipient[] = fixed ? [{ state: fixed.requested.state, userId: fixed.requested.userId }] : chosen;
  const isRoute = kind === 'request:route-information';
  const route = isRoute ? routeStates(values) : [];
  const recipientStates = [...new Set(recipients.map((r) => r.state))] as StateCode[];
  // Keyed by the states' text so the preview is recomputed only when they change.
  const statesKey = recipientStates.join(',');
  const previewInput = useMemo(
    () => ({
      labels: { domain, category: labels.category, classification: labels.classification, handling: labels.handling },
      kind,
      from: myState,
      to: (statesKey === '' ? [] : statesKey.split(',')) as StateCode[],
      at: new Date(),
    }),
    [domain, labels.category, labels.classification, labels.handling, kind, myState, statesKey],
  );
  const deadlineBad = deadlineProblem(labels.deadline, now);
  const pending = attempts.filter((a) => !a.outcome || 'error' in a.outcome);

  const send = async (todo: Attempt[], fields: Record<string, string | string[]>): Promise<void> => {
    setBusy(true);
    const next = [...todo];
    for (const [index, attempt] of next.entries()) {
      if (attempt.outcome && 'result' in attempt.outcome) continue;
      let outcome: Outcome;
      try {
        const result = await service.submit({
          kind,
          to: attempt.recipient.userId,
          msgId: attempt.msgId,
          fields,
          labels: {
            domain,
            category: labels.category,
            classification: labels.classification,
            handling: labels.handling,
          },
          request: {
            urgency: labels.urgency,
            ...(labels.deadline === '' ? {} : { deadline: Date.parse(labels.deadline) }),
          },
          ...(next.length > 1 ? { threadId } : {}),
          ...(fixed ? { requestRef: fixed.id } : {}),
        });
        outcome = { result };
      } catch (error) {
        outcome = { error };
      }
      next[index] = { ...attempt, outcome };
      setAttempts([...next]);
    }
    setBusy(false);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setFormProblem(undefined);
    const built = buildFields(kind, values);
    setProblems(built.ok ? {} : built.problems);
    if (!built.ok) return setFormProblem(l.r('compose.fieldsInvalid'));
    if (deadlineBad) return setFormProblem(l.r('compose.deadlineInvalid'));
    const targets = isRoute
      ? route.map((state) => recipients.find((r) => r.state === state) ?? { state, userId: '' })
      : recipients;
    if (targets.length === 0) return setFormProblem(l.r('compose.noRecipients'));
    if (targets.some((r) => r.userId === '')) return setFormProblem(l.r('compose.missingRecipient'));
    // The same recipients as the failed attempt keep their msgIds; a changed list starts afresh.
    const same =
      attempts.length === targets.length && attempts.every((a, i) => a.recipient.userId === targets[i]?.userId);
    void send(same ? attempts : targets.map((recipient) => ({ recipient, msgId: newMsgId() })), built.fields);
  };

  const done = attempts.length > 0 && pending.length === 0;
  return (
    <section className="requests-page compose-page" data-testid="compose-page" data-kind={kind}>
      <p>
        <Link to="/requests">{l.r('compose.back')}</Link>
      </p>
      <h2>{l.kind(kind)}</h2>
      <FormError error={original.error} />
      {fixed && (
        <p className="card" data-testid="consent-original">
          {l.r('compose.consentFor', { id: fixed.id, state: l.state(fixed.requested.state) })} —{' '}
          <Link to={`/requests/${fixed.id}`}>{l.kind(fixed.kind)}</Link>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <ComposeLabelsForm
          value={{ ...labels, domain }}
          domains={fixed ? [fixed.domain] : offered}
          deadlineError={deadlineBad ? l.r('compose.deadlineInvalid') : undefined}
          onChange={setLabels}
        />
        <fieldset className="compose-content">
          <legend>{l.r('compose.content')}</legend>
          <TemplateFields
            fields={template.fields}
            values={values}
            problems={problems}
            onChange={(next, name) => {
              setValues(next);
              setProblems(({ [name]: _fixed, ...rest }) => rest);
            }}
          />
        </fieldset>
        {!fixed &&
          (isRoute ? (
            <RouteRecipients states={route} domain={domain} recipients={chosen} onChange={setChosen} />
          ) : (
            <ChosenRecipients domain={domain} recipients={chosen} onChange={setChosen} />
          ))}
        <AwayRecipientsNotice to={recipients.map((r) => r.userId)} domain={domain} />
        {policies.loaded && recipientStates.length > 0 && (
          <PolicyPreview loaded={policies.loaded} input={previewInput} />
        )}
        <FormError error={policies.error} />
        {formProblem && (
          <p className="field-error" role="alert" data-testid="compose-problem">
            {formProblem}
          </p>
        )}
        {!done && (
          <button type="submit" disabled={busy}>
            {(isRoute ? route.length : recipients.length) > 1
              ? l.r('compose.submitMany', { count: isRoute ? route.length : recipients.length })
              : l.r('compose.submit')}
          </button>
        )}
      </form>
      {attempts.length > 0 && (
        <ul className="send-results" data-testid="send-results">
          {attempts.map((attempt) => (
            <li
              key={attempt.msgId}
              data-testid="send-result"
              data-state={attempt.recipient.state}
              data-outcome={
                !attempt.outcome ? 'pending' : 'error' in attempt.outcome ? 'failed' : attempt.outcome.result.status
              }
            >
              <strong>{l.state(attempt.recipient.state)}</strong>
              {': '}
              {!attempt.outcome ? (
                t('common.working')
              ) : 'error' in attempt.outcome ? (
                <>
                  {l.r('compose.failed')} <FormError error={attempt.outcome.error} />
                </>
              ) : (
                <>
                  {attempt.outcome.result.status === 'held' ? l.r('compose.held') : l.r('compose.sent')}{' '}
                  {attempt.outcome.result.status === 'accepted' && (
                    <Link to={`/requests/${attempt.outcome.result.id}`}>{l.r('compose.openCase')}</Link>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {attempts.length > 0 && !busy && pending.length > 0 && <p className="hint">{l.r('compose.retry')}</p>}
    </section>
  );
}
