import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedActions, isAnswer, type RequestSide } from '../../../../shared/requests/lifecycle';
import type { RequestAction } from '../../../../shared/requests/header-fields';
import type { HandlingCode } from '../../../../shared/schemas/labels';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient, useSession } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { useNow } from '../../hooks/use-now';
import { usePolicyLabels } from '../policies/use-policy-labels';
import { loadCaseContent } from './case-content';
import { CaseHistory } from './case-history';
import { ConsentSection } from './consent-section';
import { DeadlineBadge, StatusBadge, UrgencyBadge } from './deadline-badge';
import { Party } from './party';
import { RequestContent } from './request-content';
import { requestService } from './request-service';
import { StepForm } from './step-form';
import { useRequestLabels } from './use-request-labels';
import { useRequestUpdates } from './use-request-updates';

/** One request case: its labels, decrypted request and steps, and what my side may do now. */
export function CasePage({ id }: { id: string }) {
  const client = useClient();
  const me = useSession()?.user;
  const l = useRequestLabels();
  const { t } = useTranslation();
  const p = usePolicyLabels();
  const service = useMemo(() => requestService(client), [client]);
  const loaded = useLoaded(
    useCallback(async () => {
      const detail = await service.read(id);
      return { detail, content: await loadCaseContent(client, detail) };
    }, [client, service, id]),
  );
  const [action, setAction] = useState<RequestAction>();
  const now = useNow();
  const [notice, setNotice] = useState<string>();
  // The consent requests about this case (mine if I asked, to me if I provided), loaded once here:
  // the section lists them, and a granted one lets the requester pass the answer on. A consent
  // request about this case changes that list, not this case: refresh just that.
  const consentBox = loaded.data && (me?.id === loaded.data.detail.requester.userId ? 'outbox' : 'inbox');
  const consents = useLoaded(
    useCallback(
      () => (consentBox ? service.list({ box: consentBox, originalCaseId: id }) : Promise.resolve([])),
      [service, id, consentBox],
    ),
  );
  const consentGranted = (consents.data ?? []).some((c) => c.consent === 'granted');
  useRequestUpdates({
    updated: (request) => {
      if (request.id === id) loaded.reload();
      if (request.originalCaseId === id) consents.reload();
    },
    resync: () => {
      loaded.reload();
      consents.reload();
    },
  });

  if (loaded.error)
    return (
      <section className="requests-page">
        <p>
          <Link to="/requests">{l.r('case.back')}</Link>
        </p>
        <FormError error={loaded.error} />
      </section>
    );
  if (!loaded.data || !me) return <p>{t('common.loading')}</p>;
  const { detail, content } = loaded.data;
  // A deputy the request was also sealed to acts for the requested side.
  const deputyHere = detail.deputies?.some((d) => d.userId === me.id) ?? false;
  const side: RequestSide | undefined =
    me.id === detail.requester.userId
      ? 'requester'
      : me.id === detail.requested.userId || deputyHere
        ? 'requested'
        : undefined;
  const actions = side ? allowedActions(detail.status, side) : [];
  const counterpart = side === 'requester' ? detail.requested.userId : detail.requester.userId;
  const request = content.messages.get(detail.id);
  const requestHandling = (request?.labels.handling ?? 'H1') as HandlingCode;
  const answered = detail.history.some((step) => isAnswer(step.action));

  return (
    <section
      className="requests-page case-page"
      data-testid="case-page"
      data-status={detail.status}
      data-side={side ?? 'admin'}
    >
      <p>
        <Link to={side === 'requester' ? '/requests/sent' : '/requests'}>{l.r('case.back')}</Link>
      </p>
      <h2>{l.kind(detail.kind)}</h2>
      <p className="case-reference">
        {l.r('case.reference')}: <strong data-testid="case-reference">{detail.reference}</strong>
      </p>
      <p className="case-badges">
        <StatusBadge status={detail.status} /> <UrgencyBadge urgency={detail.urgency} />{' '}
        <DeadlineBadge request={detail} />
      </p>
      <dl className="case-facts">
        <dt>{l.r('case.from')}</dt>
        <dd>
          <Party party={detail.requester} />
        </dd>
        <dt>{l.r('case.to')}</dt>
        <dd>
          <Party party={detail.requested} />
        </dd>
        {detail.deputies && detail.deputies.length > 0 && (
          <>
            <dt>{t('duty.case.deputies')}</dt>
            <dd data-testid="case-deputies">
              {detail.deputies.map((deputy) => (
                <Party key={deputy.userId} party={deputy} />
              ))}
            </dd>
          </>
        )}
        <dt>{l.r('case.labels')}</dt>
        <dd>
          {l.domain(detail.domain)} · {p.category(detail.category)} · {p.classification(detail.classification)}
        </dd>
        <dt>{l.r('case.submitted')}</dt>
        <dd>{l.date(detail.submittedAt)}</dd>
        <dt>{l.r('case.deadline')}</dt>
        <dd>{l.date(detail.deadline)}</dd>
      </dl>
      {detail.originalCaseId && (
        <p data-testid="consent-original-link">
          <Link to={`/requests/${detail.originalCaseId}`}>
            {l.r('case.consentOriginal', { id: detail.originalCaseId })}
          </Link>
        </p>
      )}
      <h3>{l.r('case.request')}</h3>
      <RequestContent
        kind={detail.kind}
        message={request}
        rejected={content.rejected.find((r) => r.id === detail.id)}
      />
      <h3>{l.r('case.history')}</h3>
      <CaseHistory detail={detail} content={content} consentGranted={side === 'requester' && consentGranted} />
      {side && (
        <section className="case-actions" data-testid="case-actions">
          <h3>{l.r('case.actions')}</h3>
          {notice && (
            <p className="card success" role="status" data-testid="step-notice">
              {notice}
            </p>
          )}
          {actions.length === 0 && <p>{l.r('case.noActions')}</p>}
          {!action &&
            actions.map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'withdraw' || a === 'decline' ? 'secondary' : ''}
                onClick={() => {
                  setNotice(undefined);
                  setAction(a);
                }}
              >
                {l.action(a)}
              </button>
            ))}
          {action && actions.includes(action) && (
            <StepForm
              key={action}
              detail={detail}
              action={action}
              counterpart={counterpart}
              requestHandling={requestHandling}
              service={service}
              late={now > Date.parse(detail.deadline)}
              onCancel={() => setAction(undefined)}
              onDone={(status) => {
                setAction(undefined);
                setNotice(l.r(status === 'held' ? 'form.held' : 'form.sent'));
                loaded.reload();
              }}
            />
          )}
        </section>
      )}
      {detail.kind !== 'request:consent' && side && (
        <ConsentSection detail={detail} side={side} answered={answered} consents={consents} />
      )}
    </section>
  );
}
