import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { CreatedInvitation, UserView } from '../../../../shared/schemas/accounts';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { toActor } from '../../services/actor';

const VALIDITY_HOURS = [24, 72, 168, 336] as const;
const INVITABLE = ['national-admin', 'network-admin', 'focal-point'] as const;

/**
 * Network admins invite a national admin of any member state or a further network admin (the
 * secretariat: no state); national admins invite a focal point of their own state for one or more
 * domains. Which applies is asked of can().
 */
export function CreateInvitationForm({
  me,
  onCreated,
}: {
  me: UserView;
  onCreated: (created: CreatedInvitation) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const networkDomains = useActiveDomains();
  const actor = toActor(me);
  const roles = INVITABLE.filter((role) =>
    can(actor, 'invitation:create', { role, state: role === 'network-admin' ? null : (me.state ?? 'KZ') }),
  );
  const [role, setRole] = useState(roles[0]);
  const [state, setState] = useState(me.state ?? '');
  const [domains, setDomains] = useState<DomainCode[]>([]);
  const [displayName, setDisplayName] = useState('');
  const [note, setNote] = useState('');
  const [hours, setHours] = useState<number>(72);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);
  if (!role) return null;

  const needsDomains = role === 'focal-point';
  const needsState = role !== 'network-admin';
  const toggle = (domain: DomainCode): void =>
    setDomains(domains.includes(domain) ? domains.filter((d) => d !== domain) : [...domains, domain]);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (needsDomains && domains.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(
        await client.invitations.create({
          role,
          ...(needsState ? { state } : {}),
          domains: needsDomains ? domains : [],
          displayName,
          ...(note.trim() ? { note } : {}),
          expiresInHours: hours,
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} aria-labelledby="create-invitation-title">
      <h3 id="create-invitation-title">{t('admin.invitations.createTitle')}</h3>
      {roles.length > 1 ? (
        <label>
          {t('admin.invitations.role')}
          <select
            name="role"
            data-testid="invitation-role"
            value={role}
            onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {labels.role(r)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>
          {t('admin.invitations.role')}: <strong data-testid="invitation-role">{labels.role(role)}</strong>
        </p>
      )}
      {role === 'network-admin' ? (
        <p className="detail">{t('admin.invitations.secretariatNote')}</p>
      ) : me.role === 'network-admin' ? (
        <label>
          {t('admin.invitations.state')}
          <select name="state" value={state} onChange={(e) => setState(e.target.value)} required>
            <option value="">{t('admin.invitations.chooseState')}</option>
            {labels.sortedStates().map((s) => (
              <option key={s.code} value={s.code}>
                {s.name[labels.language]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>
          {t('admin.invitations.state')}: <strong>{labels.state(me.state)}</strong>
        </p>
      )}
      {needsDomains && (
        <fieldset>
          <legend>{t('admin.invitations.domains')}</legend>
          {networkDomains.map(({ code }) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                name="domains"
                value={code}
                checked={domains.includes(code)}
                onChange={() => toggle(code)}
              />
              {labels.domain(code)}
            </label>
          ))}
          {tried && domains.length === 0 && (
            <span className="field-error">{t('admin.invitations.atLeastOneDomain')}</span>
          )}
        </fieldset>
      )}
      <label>
        {t('admin.invitations.displayName')}
        <input
          name="displayName"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          maxLength={120}
        />
      </label>
      <label>
        {t('admin.invitations.note')}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('admin.invitations.expiresIn')}
        <select name="expiresInHours" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {VALIDITY_HOURS.map((h) => (
            <option key={h} value={h}>
              {h < 48 ? t('admin.invitations.hours', { count: h }) : t('admin.invitations.days', { count: h / 24 })}
            </option>
          ))}
        </select>
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.invitations.submit')}
      </button>
    </form>
  );
}
