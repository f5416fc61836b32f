import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../shared/schemas/accounts';
import type { FullPolicyView, PolicyDiffView as Diff } from '../../../../../shared/schemas/policy-api';
import { FormError } from '../../../components/form-error';
import { useClient } from '../../../services/client-context';
import { useLoaded } from '../../../hooks/use-loaded';
import { Link } from '../../../router/link';
import { PolicyDiffView } from './policy-diff-view';
import { usePolicyLabels } from '../use-policy-labels';
import { VersionTable } from './version-table';
import { VersionView } from './version-view';

/** Version history of the own state's policy, one version in full, and the diff of any two. */
export function PolicyHistoryPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const l = usePolicyLabels();
  const state = me.state ?? '';
  const versions = useLoaded(useCallback(() => client.policies.versions(state), [client, state]));
  const list = versions.data ?? [];
  const newest = list.at(-1)?.version ?? 0;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<Diff>();
  const [shown, setShown] = useState<FullPolicyView>();
  const [error, setError] = useState<unknown>();
  const fromValue = from ?? Math.max(1, newest - 1);
  const toValue = to ?? newest;

  const run = async (action: () => Promise<void>): Promise<void> => {
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    }
  };
  const compare = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => setDiff(await client.policies.diff(state, fromValue, toValue)));
  };
  const view = (version: number): void => void run(async () => setShown(await client.policies.version(state, version)));

  return (
    <>
      <h2>{t('policies.history.title', { state: l.state(state) })}</h2>
      <p className="page-links">
        <Link to="/policies">{t('policies.nav.editor')}</Link>
      </p>
      <FormError error={versions.error ?? error} />
      {!versions.data ? (
        <p>{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="card">{t('policies.history.empty')}</p>
      ) : (
        <>
          <VersionTable versions={list} onView={view} />
          {list.length > 1 && (
            <form className="card compare-form" onSubmit={compare} aria-label={t('policies.diff.compare')}>
              <label>
                {t('policies.diff.from')}
                <select name="diff-from" value={fromValue} onChange={(e) => setFrom(Number(e.target.value))}>
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('policies.diff.to')}
                <select name="diff-to" value={toValue} onChange={(e) => setTo(Number(e.target.value))}>
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary">
                {t('policies.diff.compare')}
              </button>
            </form>
          )}
          {diff && <PolicyDiffView diff={diff} />}
          {shown && <VersionView view={shown} />}
        </>
      )}
    </>
  );
}
