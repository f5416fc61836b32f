import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateProposal, MIN_PROPOSAL_HOURS, PROCEDURES, type Procedure } from '../../../../shared/schemas/consensus';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { CHANGE_KINDS, ChangeFields, INITIAL_CHANGE_INPUT, changeFrom, type ChangeKind } from './change-fields';

const DAY_MS = 86_400_000;

/** The date `days` from now, as a datetime-local value (the browser's time zone). */
function localInDays(days: number): string {
  const at = new Date(Date.now() + days * DAY_MS);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The secretariat puts a change to the member states. */
export function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [kind, setKind] = useState<ChangeKind>('directory-freshness');
  const [changeInput, setChangeInput] = useState(INITIAL_CHANGE_INPUT);
  const [procedure, setProcedure] = useState<Procedure>('silence');
  const [deadline, setDeadline] = useState(localInDays(14));
  const [rationale, setRationale] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setDone(false);
    const change = changeFrom(kind, changeInput);
    const at = new Date(deadline);
    const input = CreateProposal.safeParse({
      change,
      procedure,
      deadline: Number.isNaN(at.getTime()) ? '' : at.toISOString(),
      rationale,
    });
    setInvalid(
      new Set(input.success ? [] : input.error.issues.map((issue) => String(issue.path.at(-1) ?? issue.path[0]))),
    );
    if (!input.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.consensus.propose(input.data);
      setDone(true);
      setRationale('');
      onProposed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const bad = (key: string): string | false => invalid.has(key) && t('consensus.propose.invalid');

  return (
    <form
      className="card form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="propose-title"
      noValidate
      data-testid="propose-form"
    >
      <h3 id="propose-title">{t('consensus.propose.title')}</h3>
      <Field label={t('consensus.propose.kind')}>
        {(field) => (
          <select
            {...field}
            name="kind"
            value={kind}
            onChange={(e) => setKind(CHANGE_KINDS.find((k) => k === e.target.value) ?? kind)}
          >
            {CHANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`consensus.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChangeFields kind={kind} input={changeInput} onChange={setChangeInput} bad={bad} />
      <Field label={t('consensus.propose.procedure')}>
        {(field) => (
          <select
            {...field}
            name="procedure"
            value={procedure}
            onChange={(e) => setProcedure(e.target.value as Procedure)}
          >
            {PROCEDURES.map((p) => (
              <option key={p} value={p}>
                {t(`consensus.procedure.${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="hint">{t(`consensus.procedureHint.${procedure}`)}</p>
      <Field
        label={t('consensus.propose.deadline')}
        hint={t('consensus.propose.deadlineHint', { hours: MIN_PROPOSAL_HOURS })}
        error={bad('deadline')}
      >
        {(field) => (
          <input
            {...field}
            name="deadline"
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('consensus.propose.rationale')} error={bad('rationale')}>
        {(field) => (
          <textarea
            {...field}
            name="rationale"
            rows={3}
            maxLength={4000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        )}
      </Field>
      <FormError error={error} />
      {done && (
        <p className="success" role="status" data-testid="proposed">
          {t('consensus.propose.done')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('consensus.propose.submit')}
      </button>
    </form>
  );
}
