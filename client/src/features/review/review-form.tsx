import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';

/** This year and the four before it: the reviews an annual meeting looks back on. */
const recentYears = (thisYear: number): number[] => [0, 1, 2, 3, 4].map((back) => thisYear - back);

/**
 * Chooses the year, and for the secretariat one state or the whole network; national admins
 * always get their own state's (the server ignores any other).
 */
export function ReviewForm({ me, onPrepared }: { me: UserView; onPrepared: (review: ImplementationReview) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  // The review counts UTC calendar years (as the trail's times are kept), so "this year" is UTC's too.
  const [thisYear] = useState(() => new Date().getUTCFullYear());
  const [year, setYear] = useState(thisYear);
  const [state, setState] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const secretariat = me.role === 'network-admin';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onPrepared(await client.review.get(year, secretariat && state !== '' ? state : undefined));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate data-testid="review-form">
      <Field label={t('review.form.year')}>
        {(field) => (
          <select {...field} name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {recentYears(thisYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      {secretariat ? (
        <Field label={t('review.form.state')}>
          {(field) => (
            <select {...field} name="state" value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">{t('review.form.network')}</option>
              {labels.sortedStates().map((s) => (
                <option key={s.code} value={s.code}>
                  {labels.state(s.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>
          {t('review.form.state')}: <strong>{labels.state(me.state)}</strong>
        </p>
      )}
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {t('review.form.submit')}
      </button>
    </form>
  );
}
