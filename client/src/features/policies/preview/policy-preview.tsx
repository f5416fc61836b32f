import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyConditionsToLabels, describeDecision } from '../../../../../shared/policy/index';
import { describeRecipient } from './describe-recipient';
import { previewDecision, type PreviewInput } from './readable-policies';
import type { LoadedPolicies } from './use-readable-policies';
import { usePolicyLabels } from '../use-policy-labels';

/**
 * What the disclosure policies decide for an exchange, per recipient state, with reasons and
 * legal bases, computed here by the same engine the server enforces with. Reusable: the compose
 * screen passes the labels and recipients of the message being written.
 */
export function PolicyPreview({ loaded, input }: { loaded: LoadedPolicies; input: PreviewInput }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const result = useMemo(() => previewDecision(input, loaded.policies, loaded.compiled), [input, loaded]);
  const { decision } = result;
  const raised = applyConditionsToLabels(input.labels, decision.conditions);
  return (
    <section
      className="card policy-preview"
      aria-labelledby="preview-result-title"
      data-testid="policy-preview"
      data-effect={decision.effect}
    >
      <h3 id="preview-result-title">{t('preview.result.title')}</h3>
      <p className="unpublished-note" data-testid="preview-caveat">
        {t('preview.result.caveat')}
      </p>
      {decision.perRecipient.length === 0 ? (
        <p>{t('preview.result.noRecipients')}</p>
      ) : (
        <>
          <p className={`overall effect-${decision.effect}`} data-testid="preview-overall">
            {describeDecision(decision, l.language)[0]}
          </p>
          {raised.handling !== input.labels.handling && (
            <p className="warning" data-testid="preview-handling">
              {t('preview.result.handlingRaised', { from: input.labels.handling, to: raised.handling })}
            </p>
          )}
          <ul className="recipient-decisions">
            {result.recipients.map(({ decision: recipient, partialStates }) => {
              const lines = describeRecipient(recipient, l.language);
              return (
                <li
                  key={recipient.state}
                  className="recipient-decision"
                  data-testid="recipient-decision"
                  data-state={recipient.state}
                  data-effect={recipient.effect}
                >
                  <p className="recipient-headline">
                    <strong>{l.state(recipient.state)}</strong>{' '}
                    <span className={`effect-badge ${recipient.effect}`}>{l.outcome(recipient.effect)}</span>
                  </p>
                  {lines.conditions !== undefined && <p>{lines.conditions}</p>}
                  <ul className="reasons">
                    {lines.reasons.map((line) => (
                      <li key={line} data-testid="decision-reason">
                        {line}
                      </li>
                    ))}
                  </ul>
                  {recipient.effect === 'approve' && <p className="hint">{t('preview.result.approveHint')}</p>}
                  {partialStates.length > 0 && (
                    <p className="hint" data-testid="partial-note">
                      {t('preview.result.partial', { states: partialStates.map((s) => l.state(s)).join(', ') })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
