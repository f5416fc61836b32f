import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthResponse, ReadyResponse } from '../../../shared/schemas/system';
import { fetchHealth, fetchReadiness } from '../api/system';
import { formatDateTime } from '../lib/format-time';

const POLL_MS = 5_000;

type Probe<T> = { state: 'checking' } | { state: 'up'; value: T } | { state: 'down' };

function usePolled<T>(load: () => Promise<T>, isUp: (value: T) => boolean): [Probe<T>, Date | undefined] {
  const [probe, setProbe] = useState<Probe<T>>({ state: 'checking' });
  const [checkedAt, setCheckedAt] = useState<Date>();
  useEffect(() => {
    let cancelled = false;
    const run = async (): Promise<void> => {
      const next: Probe<T> = await load().then(
        (value) => (isUp(value) ? { state: 'up' as const, value } : { state: 'down' as const }),
        () => ({ state: 'down' as const }),
      );
      if (!cancelled) {
        setProbe(next);
        setCheckedAt(new Date());
      }
    };
    void run();
    const timer = setInterval(() => void run(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [load, isUp]);
  return [probe, checkedAt];
}

const healthUp = (h: HealthResponse): boolean => h.status === 'ok';
const readyUp = (r: ReadyResponse): boolean => r.database.state === 'up';

export function StatusPanel() {
  const { t, i18n } = useTranslation();
  const [server, serverCheckedAt] = usePolled(fetchHealth, healthUp);
  const [database] = usePolled(fetchReadiness, readyUp);
  const word = (probe: Probe<unknown>): string =>
    probe.state === 'checking' ? t('status.checking') : t(`status.${probe.state}`);

  return (
    <section className="status-panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('status.title')}</h2>
      <dl>
        <dt>{t('status.server')}</dt>
        <dd data-testid="server-status" data-state={server.state}>
          {word(server)}
          {server.state === 'up' && (
            <span className="detail"> · {t('status.version', { version: server.value.version })}</span>
          )}
        </dd>
        <dt>{t('status.database')}</dt>
        <dd data-testid="database-status" data-state={database.state}>
          {word(database)}
          {database.state === 'up' && (
            <span className="detail"> · {t(`status.kind.${database.value.database.kind}`)}</span>
          )}
        </dd>
      </dl>
      {serverCheckedAt && (
        <p className="checked">
          {t('status.lastChecked', {
            time: formatDateTime(serverCheckedAt, i18n.language === 'ru' ? 'ru' : 'en', {
              seconds: true,
            }),
          })}
        </p>
      )}
    </section>
  );
}
