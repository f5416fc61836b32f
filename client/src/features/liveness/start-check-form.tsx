import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { StartLivenessCheck } from '../../../../shared/schemas/liveness';
import { DomainCode, StateCode } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';

/**
 * Starts a check: national admins for their own state, the secretariat for every state or one;
 * optionally one domain; answers after the deadline count as late.
 */
export function StartCheckForm({
  me,
  onStarted,
}: {
  me: UserView;
  onStarted: (started: { id: string; targets: number }) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const domains = useActiveDomains();
  const [state, setState] = useState('');
  const [domain, setDomain] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const secretariat = me.role === 'network-admin';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const scopeState = secretariat ? StateCode.safeParse(state).data : (me.state ?? undefined);
    const scopeDomain = DomainCode.safeParse(domain).data;
    const input = StartLivenessCheck.safeParse({
      deadlineMinutes: Number(minutes),
      ...(scopeState ? { state: scopeState } : {}),
      ...(scopeDomain ? { domain: scopeDomain } : {}),
    });
    setInvalid(!input.success);
    if (!input.success) return;
    setBusy(true);
    setError(undefined);
    try {
      onStarted(await client.liveness.start(input.data));
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
      aria-labelledby="start-check-title"
      noValidate
      data-testid="start-check-form"
    >
      <h3 id="start-check-title">{t('liveness.start.title')}</h3>
      <p>{t('liveness.start.intro')}</p>
      {secretariat ? (
        <Field label={t('liveness.start.scope')}>
          {(field) => (
            <select {...field} name="scope-state" value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">{t('liveness.start.allStates')}</option>
              {labels.sortedStates().map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name[labels.language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>
          {t('liveness.start.scope')}: <strong>{labels.state(me.state)}</strong>
        </p>
      )}
      <Field label={t('liveness.start.domain')}>
        {(field) => (
          <select {...field} name="scope-domain" value={domain} onChange={(e) => setDomain(e.target.value)}>
            <option value="">{t('liveness.start.allDomains')}</option>
            {domains.map(({ code }) => (
              <option key={code} value={code}>
                {labels.domain(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('liveness.start.deadline')}
        hint={t('liveness.start.deadlineHint')}
        error={invalid && t('liveness.start.deadlineInvalid')}
      >
        {(field) => (
          <input
            {...field}
            name="deadline-minutes"
            type="number"
            min={1}
            max={10080}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            required
          />
        )}
      </Field>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.working') : t('liveness.start.submit')}
      </button>
    </form>
  );
}
