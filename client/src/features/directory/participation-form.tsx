import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateView } from '../../../../shared/schemas/directory';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { inNetworkOrder, useActiveDomains } from '../../services/domains';

/** Voluntary participation: the domains this state takes part in. A domain left out leaves the directory. */
export function ParticipationForm({ state, onSaved }: { state: StateView | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const networkDomains = useActiveDomains();
  const [domains, setDomains] = useState<DomainCode[]>(state?.domains ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  // The boxes start from the state's participation as read, reset while rendering (not in an
  // effect, which ran after the first paint: a box ticked in between was undone before saving).
  const [readFrom, setReadFrom] = useState(state);
  if (state !== readFrom) {
    setReadFrom(state);
    setDomains(state?.domains ?? []);
  }
  if (!state) return <p>{t('common.loading')}</p>;

  const toggle = (domain: DomainCode): void => {
    setSaved(false);
    setDomains(domains.includes(domain) ? domains.filter((d) => d !== domain) : [...domains, domain]);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.states.setParticipation(state.code, inNetworkOrder(domains));
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const leaving = state.domains.filter((d) => !domains.includes(d));
  return (
    <form
      className="card form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="participation-title"
      data-testid="participation-form"
    >
      <h3 id="participation-title">{t('directory.manage.participationTitle')}</h3>
      <p>{t('directory.manage.participationIntro')}</p>
      <fieldset>
        <legend>{t('directory.fields.domains')}</legend>
        {networkDomains.map(({ code }) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              name="participation"
              value={code}
              checked={domains.includes(code)}
              onChange={() => toggle(code)}
            />
            {labels.domain(code)}
          </label>
        ))}
      </fieldset>
      {leaving.length > 0 && (
        <p className="warning">{t('directory.manage.leavingWarning', { domains: labels.domains(leaving) })}</p>
      )}
      {saved && (
        <p className="success" role="status">
          {t('directory.manage.saved')}
        </p>
      )}
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('directory.manage.saveParticipation')}
      </button>
    </form>
  );
}
