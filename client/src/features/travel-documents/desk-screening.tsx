import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningResult } from '../../../sdk/travel-documents/types';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { awaitsMoreMrz, deskInput, type DeskProblem } from './desk-input';
import { HitCard } from './hit-card';
import { lastState, rememberState } from './last-state';
import { useTravelDocuments } from './use-travel-documents';

interface Outcome {
  /** What was screened, as the officer will recognise it. */
  label: string;
  result: ScreeningResult;
}

/**
 * One document at a border desk: the issuing state (kept from the last one) and the number, or a
 * pasted or scanned MRZ; Enter screens, locally. Focus stays in the number, selected, so the next
 * document is simply typed; the result is announced.
 */
export function DeskScreening({ onScreened }: { onScreened: (result: ScreeningResult) => void }) {
  const { t } = useTranslation();
  const l = useLabels();
  const documents = useTravelDocuments();
  const [stateText, setStateText] = useState(lastState);
  const [numberText, setNumberText] = useState('');
  const [problem, setProblem] = useState<DeskProblem>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const numberField = useRef<HTMLTextAreaElement>(null);
  const states = l.sortedStates();

  useEffect(() => numberField.current?.focus(), []);

  const screen = async (): Promise<void> => {
    setError(undefined);
    const desk = deskInput(stateText, numberText, states);
    if (!desk.ok) {
      setProblem(desk.problem);
      setOutcome(undefined);
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const result = await documents.screen([desk.input]);
      if (desk.input.issuingState) rememberState(stateText.trim());
      const label = desk.input.number
        ? `${desk.input.number} (${desk.input.issuingState ?? ''})`
        : (desk.input.mrz?.split('\n').at(-1) ?? '');
      setOutcome({ label, result });
      onScreened(result);
    } catch (caught) {
      setError(caught);
      setOutcome(undefined);
    } finally {
      setBusy(false);
      numberField.current?.select();
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void screen();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // A scanner types the MRZ line by line: the first line alone holds no passport number.
    if (awaitsMoreMrz(numberText)) return;
    event.preventDefault();
    void screen();
  };

  const hit = outcome?.result.hits[0];
  const inputProblem = outcome?.result.problems[0];
  const status = hit ? t(`travelDocuments.statuses.${hit.status}`) : '';
  const announcement = !outcome
    ? ''
    : hit
      ? t('travelDocuments.screen.announceHit', {
          number: hit.number,
          state: l.state(hit.listingState),
          status: status.toLocaleLowerCase(l.language),
        })
      : inputProblem
        ? t('travelDocuments.screen.problem', { message: inputProblem.message })
        : t('travelDocuments.screen.announceNone', { number: outcome.label });

  return (
    <section className="travel-desk" aria-labelledby="travel-desk-title">
      <h3 id="travel-desk-title">{t('travelDocuments.screen.title')}</h3>
      <form onSubmit={submit} noValidate className="travel-desk-form">
        <Field
          label={t('travelDocuments.screen.state')}
          hint={t('travelDocuments.screen.stateHint')}
          error={
            problem === 'stateMissing'
              ? t('travelDocuments.screen.stateMissing')
              : problem === 'stateUnknown' && t('travelDocuments.screen.stateUnknown', { text: stateText.trim() })
          }
        >
          {(props) => (
            <input
              {...props}
              list="travel-states"
              autoComplete="off"
              value={stateText}
              onChange={(e) => setStateText(e.target.value)}
              data-testid="desk-state"
            />
          )}
        </Field>
        <datalist id="travel-states">
          {states.map((s) => (
            <option key={s.code} value={`${s.code} — ${s.name[l.language]}`} />
          ))}
        </datalist>
        <Field
          label={t('travelDocuments.screen.number')}
          hint={t('travelDocuments.screen.numberHint')}
          error={problem === 'numberMissing' && t('travelDocuments.screen.numberMissing')}
        >
          {(props) => (
            <textarea
              {...props}
              ref={numberField}
              rows={2}
              spellCheck={false}
              autoCapitalize="characters"
              autoComplete="off"
              className="travel-number"
              value={numberText}
              onChange={(e) => setNumberText(e.target.value)}
              onKeyDown={onKeyDown}
              data-testid="desk-number"
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('travelDocuments.screen.working') : t('travelDocuments.screen.submit')}
        </button>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="desk-announcement">
        {announcement}
      </p>
      <FormError error={error} />
      {outcome && (
        <div className="travel-desk-result" data-testid="desk-result">
          {hit ? (
            outcome.result.hits.map((each) => <HitCard key={`${each.entryId}:${each.version}`} hit={each} />)
          ) : inputProblem ? (
            <p className="field-error" data-testid="desk-problem">
              {t('travelDocuments.screen.problem', { message: inputProblem.message })}
            </p>
          ) : (
            <div className="travel-clear card" data-testid="no-listing">
              <p className="travel-clear-title">{t('travelDocuments.screen.noListing')}</p>
              <p>
                {outcome.result.clearedHits > 0
                  ? t('travelDocuments.screen.clearedBefore')
                  : t('travelDocuments.screen.noListingDetail', { document: outcome.label })}
              </p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
