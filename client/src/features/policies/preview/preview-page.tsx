import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../shared/schemas/accounts';
import type { ExchangeKind, Labels } from '../../../../../shared/schemas/labels';
import { FormError } from '../../../components/form-error';
import { Field } from '../../../components/field';
import { PolicyPreview } from './policy-preview';
import { PreviewLabelsForm } from './preview-labels-form';
import type { PreviewInput } from './readable-policies';
import { StateChecklist } from './state-checklist';
import { usePolicyLabels } from '../use-policy-labels';
import { useReadablePolicies } from './use-readable-policies';

const START: Labels = { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' };

/** Try labels and recipients before sending: the decision per recipient state, computed here. */
export function PreviewPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const { loaded, error, reload } = useReadablePolicies();
  const [labels, setLabels] = useState<Labels>(START);
  const [kind, setKind] = useState<ExchangeKind>('message');
  const [from, setFrom] = useState(me.state ?? '');
  const [to, setTo] = useState<string[]>([]);
  // Validity windows are checked against the moment of the last change, like a send would be.
  // Recipients in name order, whatever order they were ticked in; keyed by that order's text so a re-render alone does not recompute.
  const toKey = [...to].sort((a, b) => l.state(a).localeCompare(l.state(b), l.language)).join(',');
  const input = useMemo(
    (): PreviewInput => ({
      labels,
      kind,
      from,
      to: toKey === '' ? [] : toKey.split(','),
      at: new Date(),
    }),
    [labels, kind, from, toKey],
  );

  return (
    <>
      <h2>{t('preview.title')}</h2>
      <p>{t('preview.intro')}</p>
      <form className="card form wide" onSubmit={(e) => e.preventDefault()} aria-label={t('preview.form.label')}>
        <Field label={t('preview.form.from')} {...(me.state === null ? {} : { hint: t('preview.form.fromHint') })}>
          {(field) => (
            <select {...field} name="preview-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {me.state === null && <option value="">{t('preview.form.chooseFrom')}</option>}
              {l.sortedStates().map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name[l.language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PreviewLabelsForm labels={labels} kind={kind} onLabels={setLabels} onKind={setKind} />
        <StateChecklist legend={t('preview.form.recipients')} value={to} onChange={setTo} />
        <div className="actions">
          <button type="button" onClick={reload}>
            {t('preview.form.reload')}
          </button>
        </div>
      </form>
      <FormError error={error} />
      {!loaded ? (
        !error && <p>{t('common.loading')}</p>
      ) : from === '' ? (
        <p className="card">{t('preview.form.chooseFrom')}</p>
      ) : (
        <PolicyPreview loaded={loaded} input={input} />
      )}
    </>
  );
}
