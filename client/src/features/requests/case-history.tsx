import { useTranslation } from 'react-i18next';
import type { RequestCaseDetail } from '../../../../shared/schemas/requests';
import type { CaseContent } from './case-content';
import { ProtectedText } from './protected-text';
import { StepContent } from './request-service';
import { useRequestLabels } from './use-request-labels';

/** The words of a step: this client sends { text }; other clients' content is shown as sent, never dropped. */
function stepText(content: unknown): string {
  const parsed = StepContent.safeParse(content);
  if (parsed.success) return parsed.data.text;
  if (typeof content === 'object' && content !== null && Object.keys(content).length === 0) return '';
  return JSON.stringify(content, null, 2);
}

/** Every step of the case in order: who did what, the codes the header carries, and the decrypted words. */
export function CaseHistory({
  detail,
  content,
  consentGranted = false,
}: {
  detail: RequestCaseDetail;
  content: CaseContent;
  /** The providing state granted consent to pass the answers of this case on. */
  consentGranted?: boolean;
}) {
  const l = useRequestLabels();
  const { t } = useTranslation();
  const deputyName = (userId: string): string => detail.deputies?.find((d) => d.userId === userId)?.name?.en ?? userId;
  if (detail.history.length === 0) return <p className="hint">—</p>;
  return (
    <ol className="case-history" data-testid="case-history">
      {detail.history.map((step) => {
        const message = content.messages.get(step.messageId);
        const text = message ? stepText(message.content) : '';
        const rejected = content.rejected.find((r) => r.id === step.messageId);
        return (
          <li key={step.no} data-testid="history-step" data-action={step.action} data-to={step.to}>
            <p className="step-headline">
              <strong>{l.action(step.action)}</strong>{' '}
              <span className="hint">
                {l.status(step.from)} → {l.status(step.to)} · {l.r(`case.side.${step.side}`)}
                {step.byDeputy && ` (${t('duty.case.byDeputy', { name: deputyName(step.byDeputy) })})`} ·{' '}
                {l.date(step.at)}
              </span>
            </p>
            <p className="step-codes">
              <span className="badge" data-testid="step-handling">
                {l.r('case.handling', { code: step.handling })}
              </span>{' '}
              {step.evaluation && (
                <span className="badge" data-testid="step-evaluation">
                  {l.r('case.evaluation', { code: step.evaluation })}
                </span>
              )}{' '}
              {step.reasonCode && (
                <span className="badge" data-testid="step-reason">
                  {l.r('case.reasonCode', { reason: l.r(`decline.${step.reasonCode}`) })}
                </span>
              )}{' '}
              {step.lateReason && (
                <span className="badge" data-testid="step-late">
                  {l.r('case.lateReason', { reason: l.r(`late.${step.lateReason}`) })}
                </span>
              )}{' '}
              {step.consent && (
                <span className={`badge consent-${step.consent}`} data-testid="step-consent">
                  {l.r(`consentOutcome.${step.consent}`)}
                </span>
              )}
            </p>
            {rejected && <p className="field-error">{l.r('case.rejected', { reason: rejected.reason })}</p>}
            {message && text !== '' && (
              <ProtectedText message={message} text={text} name={`step-${step.no}`} consentGranted={consentGranted} />
            )}
            {!message && !rejected && <p className="hint">{l.r('case.notReadable')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
