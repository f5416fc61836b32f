import type { RequestSide } from '../../../../shared/requests/lifecycle';
import type { RequestCaseDetail, RequestCaseView } from '../../../../shared/schemas/requests';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { StatusBadge } from './deadline-badge';
import { useRequestLabels } from './use-request-labels';

/**
 * Consent to pass on or use as evidence: the requester of an answered case asks the providing
 * state (a 'request:consent' linked to this case); both sides see the consent requests and
 * their outcome here.
 */
export function ConsentSection({
  detail,
  side,
  answered,
  consents,
}: {
  detail: RequestCaseDetail;
  side: RequestSide;
  answered: boolean;
  /** The consent requests about this case, as the case page loaded them. */
  consents: { data: RequestCaseView[] | undefined; error: unknown };
}) {
  const l = useRequestLabels();
  const { data, error } = consents;
  if (!answered && (data ?? []).length === 0) return null;
  return (
    <section className="consent-section" data-testid="consent-section">
      <h3>{l.r('case.consentRequests')}</h3>
      <FormError error={error} />
      {(data ?? []).length > 0 && (
        <ul>
          {(data ?? []).map((c) => (
            <li key={c.id} data-testid="consent-case" data-consent={c.consent ?? 'open'}>
              <Link to={`/requests/${c.id}`}>{l.date(c.submittedAt)}</Link> <StatusBadge status={c.status} />{' '}
              {c.consent && <span className={`badge consent-${c.consent}`}>{l.r(`consentOutcome.${c.consent}`)}</span>}
            </li>
          ))}
        </ul>
      )}
      {side === 'requester' && answered && (
        <p>
          <Link to={`/requests/consent/${detail.id}`} className="button" data-testid="ask-consent">
            {l.r('case.askConsent')}
          </Link>
        </p>
      )}
    </section>
  );
}
