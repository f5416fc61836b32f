import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../../../../shared/audit/event-types';
import { Id, type UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { AuditLogPanel } from '../audit-log/audit-log-panel';
import { AuditExportButton } from './audit-export-button';
import { AuditTable } from './audit-table';
import { useLoaded } from '../../hooks/use-loaded';

const PAGE_SIZE = 50;

/**
 * The audit trail, newest first, a page at a time: each page starts below the last sequence
 * number of the one before (what an admin looks for is usually what just happened).
 */
export function AuditPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [state, setState] = useState('');
  const [type, setType] = useState<AuditEventType | ''>('');
  // Opened from a person's row on the People page: ?person=<id>.
  const [person, setPerson] = useState(
    () => Id.safeParse(new URLSearchParams(window.location.search).get('person')).data ?? '',
  );
  const [beforeSeq, setBeforeSeq] = useState<number>();
  const [showIds, setShowIds] = useState(false);
  const entries = useLoaded(
    useCallback(
      () =>
        client.audit.list({
          order: 'desc',
          limit: PAGE_SIZE,
          ...(beforeSeq !== undefined ? { beforeSeq } : {}),
          ...(state ? { state } : {}),
          ...(type ? { type } : {}),
          ...(person ? { person } : {}),
        }),
      [client, beforeSeq, state, type, person],
    ),
  );
  // Names for the ids in the trail, where this admin may see the people.
  const people = useLoaded(useCallback(() => client.users.list(), [client]));
  const names = new Map((people.data ?? []).map((person) => [person.id, person.displayName]));
  names.set(me.id, me.displayName);
  const page = entries.data;
  const last = page?.at(-1)?.seq;

  return (
    <>
      <h2>{t('admin.audit.title')}</h2>
      <p>{t('admin.audit.intro')}</p>
      <AuditLogPanel />
      {me.role === 'network-admin' && (
        <label className="inline">
          {t('admin.audit.stateFilter')}{' '}
          <select
            name="audit-state"
            value={state}
            onChange={(e) => {
              setState(e.target.value);
              setBeforeSeq(undefined);
            }}
          >
            <option value="">{t('admin.audit.allStates')}</option>
            {labels.sortedStates().map((s) => (
              <option key={s.code} value={s.code}>
                {s.name[labels.language]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="inline">
        {t('admin.audit.typeFilter')}{' '}
        <select
          name="audit-type"
          value={type}
          onChange={(e) => {
            setType(AUDIT_EVENT_TYPES.find((known) => known === e.target.value) ?? '');
            setBeforeSeq(undefined);
          }}
        >
          <option value="">{t('admin.audit.allTypes')}</option>
          {AUDIT_EVENT_TYPES.map((known) => (
            <option key={known} value={known}>
              {t(`auditEvents.${known}`, { defaultValue: known })}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        {t('admin.audit.personFilter')}{' '}
        <select
          name="audit-person"
          value={person}
          onChange={(e) => {
            setPerson(e.target.value);
            setBeforeSeq(undefined);
          }}
        >
          <option value="">{t('admin.audit.allPeople')}</option>
          {/* One chosen from the address may not be among those listed: still shown as chosen. */}
          {person && !names.has(person) && <option value={person}>{person}</option>}
          {[...names]
            .sort(([, a], [, b]) => a.localeCompare(b))
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" name="audit-show-ids" checked={showIds} onChange={(e) => setShowIds(e.target.checked)} />{' '}
        {t('admin.audit.showIds')}
      </label>{' '}
      <AuditExportButton
        filter={{ ...(state ? { state } : {}), ...(type ? { type } : {}), ...(person ? { person } : {}) }}
        names={names}
      />
      <FormError error={entries.error} />
      {!page ? (
        <p>{t('common.loading')}</p>
      ) : page.length === 0 ? (
        <p className="card">{t('admin.audit.empty')}</p>
      ) : (
        <AuditTable entries={page} names={names} showIds={showIds} />
      )}
      <div className="actions">
        <button type="button" disabled={beforeSeq === undefined} onClick={() => setBeforeSeq(undefined)}>
          {t('admin.audit.first')}
        </button>
        <button
          type="button"
          disabled={!page || page.length < PAGE_SIZE || last === undefined}
          onClick={() => setBeforeSeq(last)}
        >
          {t('admin.audit.next')}
        </button>
      </div>
    </>
  );
}
