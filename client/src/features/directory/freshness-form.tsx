import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateProposal } from '../../../../shared/schemas/consensus';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';

const PROPOSAL_DAYS = 14;

/**
 * The freshness period binds the whole network, so the secretariat does not set it: it proposes
 * a new one to the member states (silence procedure, two weeks), which decide by consensus.
 */
export function FreshnessForm() {
  const { t } = useTranslation();
  const client = useClient();
  const [current, setCurrent] = useState<number>();
  const [days, setDays] = useState('');
  const [rationale, setRationale] = useState('');
  const [proposed, setProposed] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    client.directory.freshnessDays().then(
      (value) => {
        if (!live) return;
        setCurrent(value);
        setDays((typed) => typed || String(value));
      },
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [client]);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const deadline = new Date(Date.now() + PROPOSAL_DAYS * 86_400_000).toISOString();
    const parsed = CreateProposal.safeParse({
      change: { kind: 'directory-freshness', freshnessDays: Number(days) },
      procedure: 'silence',
      deadline,
      rationale,
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.consensus.propose(parsed.data);
      setProposed(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="freshness-title"
      noValidate
      data-testid="freshness-form"
    >
      <h3 id="freshness-title">{t('directory.manage.freshnessTitle')}</h3>
      <p>
        {t('directory.manage.freshnessIntro')}{' '}
        {current !== undefined && (
          <strong data-testid="freshness-current">{t('directory.manage.freshnessCurrent', { count: current })}</strong>
        )}
      </p>
      <p>{t('directory.manage.freshnessByConsensus', { days: PROPOSAL_DAYS })}</p>
      <Field
        label={t('directory.manage.freshnessDays')}
        hint={t('directory.manage.freshnessHint')}
        error={invalid && t('directory.manage.freshnessInvalid')}
      >
        {(field) => (
          <input
            {...field}
            name="freshnessDays"
            type="number"
            min={7}
            max={3650}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            required
          />
        )}
      </Field>
      <Field
        label={t('consensus.propose.rationale')}
        error={invalid && !rationale.trim() && t('consensus.propose.invalid')}
      >
        {(field) => (
          <textarea
            {...field}
            name="rationale"
            rows={2}
            maxLength={4000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        )}
      </Field>
      {proposed && (
        <p className="success" role="status" data-testid="freshness-proposed">
          {t('directory.manage.freshnessProposed')} <Link to="/decisions">{t('consensus.nav')}</Link>
        </p>
      )}
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('directory.manage.proposeFreshness')}
      </button>
    </form>
  );
}
