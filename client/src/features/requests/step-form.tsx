import { useState, type FormEvent } from 'react';
import {
  DECLINE_REASONS,
  LATE_REASONS,
  type ConsentOutcome,
  type DeclineReason,
  type LateReason,
  type RequestAction,
} from '../../../../shared/requests/header-fields';
import { isAnswer } from '../../../../shared/requests/lifecycle';
import { HANDLING_CODES, type HandlingCode, type Labels } from '../../../../shared/schemas/labels';
import type { RequestCaseDetail } from '../../../../shared/schemas/requests';
import { isApiError } from '../../../sdk/index';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { newMsgId, type RequestService } from './request-service';
import { useRequestLabels } from './use-request-labels';
import { useClient } from '../../services/client-context';

const SOURCES = ['A', 'B', 'C', 'X'] as const;
const ACCURACIES = ['1', '2', '3', '4'] as const;
/** Steps whose words are the point of the step. */
const TEXT_REQUIRED: readonly RequestAction[] = ['request-clarification', 'clarify', 'answer', 'answer-partially'];

/**
 * One lifecycle step: the words (encrypted) and the codes the header carries — an answer's
 * handling and evaluation code (source × accuracy), a decline's reason, a late answer's reason,
 * a consent decision. Sent to the other side of the case; the msgId is kept across retries.
 */
export function StepForm({
  detail,
  action,
  counterpart,
  requestHandling,
  service,
  late: lateHere,
  onDone,
  onCancel,
}: {
  detail: RequestCaseDetail;
  action: RequestAction;
  counterpart: string;
  requestHandling: HandlingCode;
  service: RequestService;
  late: boolean;
  onDone: (status: 'accepted' | 'held') => void;
  onCancel: () => void;
}) {
  const l = useRequestLabels();
  const client = useClient();
  const answering = isAnswer(action);
  const consentCase = detail.kind === 'request:consent';
  const [text, setText] = useState('');
  const [handling, setHandling] = useState<HandlingCode>(answering ? 'H2' : requestHandling);
  const [source, setSource] = useState<string>('');
  const [accuracy, setAccuracy] = useState<string>('');
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [lateReason, setLateReason] = useState<LateReason | ''>('');
  const [consent, setConsent] = useState<ConsentOutcome | ''>('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [msgId] = useState(newMsgId);
  const needsEvaluation = answering && !consentCase;
  // The server's clock decides; a refusal for lateness shows the field even if this clock disagreed.
  const late = lateHere || isApiError(error, 'request.late-reason-required');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (TEXT_REQUIRED.includes(action) && !consentCase && text.trim() === '') found.text = l.r('form.textRequired');
    if (needsEvaluation && source === '') found.source = l.r('compose.required');
    if (needsEvaluation && accuracy === '') found.accuracy = l.r('compose.required');
    if (action === 'decline' && reason === '') found.reason = l.r('compose.required');
    if (answering && late && lateReason === '') found.lateReason = l.r('compose.required');
    if (answering && consentCase && consent === '') found.consent = l.r('compose.required');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const labels: Labels = {
      domain: detail.domain,
      category: detail.category,
      classification: detail.classification,
      handling,
      ...(needsEvaluation ? { evaluation: `${source}${accuracy}` } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      const result = await service.step({
        caseId: detail.id,
        to: counterpart,
        // The requested focal point and their deputies on the case read each step too.
        copyTo: client.requests.copiesFor(detail),
        msgId,
        labels,
        content: { text: text.trim() },
        step: {
          action,
          ...(action === 'decline' && reason !== '' ? { reasonCode: reason } : {}),
          ...(answering && late && lateReason !== '' ? { lateReason } : {}),
          ...(answering && consentCase && consent !== '' ? { consent } : {}),
        },
        ...(detail.threadId === undefined ? {} : { threadId: detail.threadId }),
      });
      onDone(result.status);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const textLabel = answering
    ? consentCase
      ? l.r('form.conditions')
      : l.r('form.answerText')
    : action === 'request-clarification'
      ? l.r('form.question')
      : TEXT_REQUIRED.includes(action)
        ? l.r('form.text')
        : l.r('form.note');
  return (
    <form
      className="card step-form"
      data-testid="step-form"
      data-action={action}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{l.action(action)}</h3>
      {answering && consentCase && (
        <fieldset data-testid="consent-decision">
          <legend>{l.r('form.consent')}</legend>
          <label className="inline">
            <input type="radio" name="consent" checked={consent === 'granted'} onChange={() => setConsent('granted')} />
            {l.r('form.grant')}
          </label>
          <label className="inline">
            <input type="radio" name="consent" checked={consent === 'refused'} onChange={() => setConsent('refused')} />
            {l.r('form.refuse')}
          </label>
          {problems.consent && <span className="field-error">{problems.consent}</span>}
        </fieldset>
      )}
      {action === 'decline' && (
        <Field label={l.r('form.reason')} error={problems.reason}>
          {(props) => (
            <select {...props} value={reason} onChange={(e) => setReason(e.target.value as DeclineReason)}>
              <option value="">{l.r('form.choose')}</option>
              {DECLINE_REASONS.map((code) => (
                <option key={code} value={code}>
                  {l.r(`decline.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={textLabel} error={problems.text}>
        {(props) => (
          <textarea {...props} rows={5} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      {answering && (
        <Field label={l.r('form.handling')} hint={l.r('form.handlingHint')}>
          {(props) => (
            <select {...props} value={handling} onChange={(e) => setHandling(e.target.value as HandlingCode)}>
              {HANDLING_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {needsEvaluation && (
        <div className="evaluation-fields">
          <Field label={l.r('form.source')} error={problems.source}>
            {(props) => (
              <select {...props} value={source} onChange={(e) => setSource(e.target.value)}>
                <option value="">{l.r('form.choose')}</option>
                {SOURCES.map((code) => (
                  <option key={code} value={code}>
                    {l.r(`source.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={l.r('form.accuracy')} error={problems.accuracy}>
            {(props) => (
              <select {...props} value={accuracy} onChange={(e) => setAccuracy(e.target.value)}>
                <option value="">{l.r('form.choose')}</option>
                {ACCURACIES.map((code) => (
                  <option key={code} value={code}>
                    {l.r(`accuracy.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {answering && late && (
        <Field label={l.r('form.lateReason')} hint={l.r('form.lateHint')} error={problems.lateReason}>
          {(props) => (
            <select
              {...props}
              value={lateReason}
              onChange={(e) => setLateReason(e.target.value as LateReason)}
              data-testid="late-reason"
            >
              <option value="">{l.r('form.choose')}</option>
              {LATE_REASONS.map((code) => (
                <option key={code} value={code}>
                  {l.r(`late.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormError error={error} />
      <p className="actions">
        <button type="submit" disabled={busy}>
          {l.r('form.confirm', { action: l.action(action) })}
        </button>{' '}
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {l.r('form.cancel')}
        </button>
      </p>
    </form>
  );
}
