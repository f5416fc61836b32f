import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/schemas/consensus';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { describeChange } from '../consensus/describe-change';

const SCHEDULE_KINDS = new Set(['set-liveness-schedule', 'remove-liveness-schedule']);

/** The open network decision about the network's schedule, if any: what would change, and until when states respond. */
export function OpenScheduleProposal({ proposals }: { proposals: ProposalView[] | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const open = proposals?.find((p) => p.status === 'open' && SCHEDULE_KINDS.has(p.change.kind));
  if (!open) return null;
  return (
    <p className="schedule-proposal" data-testid="open-schedule-proposal">
      {t('liveness.schedule.openProposal', {
        change: describeChange(open.change, t, labels.language),
        deadline: labels.date(open.deadline),
      })}{' '}
      <Link to="/decisions">{t('consensus.nav')}</Link>
    </p>
  );
}
