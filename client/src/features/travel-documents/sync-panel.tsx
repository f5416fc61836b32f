import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';

/** What the local copy covers, as the last sync or screening reported it. */
export interface Coverage {
  at: string;
  states: string[];
  /** Unknown after a screening (it reports states, not entries). */
  entries?: number;
}

/** When the local copy was brought up to date, what it covers, and a button to do it now. */
export function SyncPanel({
  coverage,
  busy,
  error,
  onSync,
}: {
  coverage: Coverage | undefined;
  busy: boolean;
  error: unknown;
  onSync: () => void;
}) {
  const { t } = useTranslation();
  const l = useLabels();
  const summary = !coverage
    ? t('travelDocuments.sync.never')
    : coverage.states.length === 0
      ? t('travelDocuments.sync.none', { time: l.date(coverage.at) })
      : t('travelDocuments.sync.summary', {
          time: l.date(coverage.at),
          entries: coverage.entries ?? '—',
          count: coverage.states.length,
          states: coverage.states.map(l.state).join(', '),
        });
  return (
    <section className="travel-sync" aria-labelledby="travel-sync-title">
      <h3 id="travel-sync-title">{t('travelDocuments.sync.title')}</h3>
      <p data-testid="travel-sync-summary">{busy ? t('travelDocuments.sync.working') : summary}</p>
      <p className="hint">{t('travelDocuments.sync.hint')}</p>
      <FormError error={error} />
      <button type="button" className="secondary" disabled={busy} onClick={onSync}>
        {t('travelDocuments.sync.button')}
      </button>
    </section>
  );
}
