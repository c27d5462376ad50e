import { getFormatter, getTranslations } from 'next-intl/server';
import { StopSessionForm } from '@/components/sessions/stop-session-form';
import { Alert } from '@/components/ui/alert';
import type { listSessionsOfFormerMembers } from '@/domain/data/people-sessions';

type FormerSession = Awaited<ReturnType<typeof listSessionsOfFormerMembers>>[number];

// The stop sent when someone's access ended has not ended these: the owner sees them here and may try again.
export async function FormerMembersSessions({ sessions }: { sessions: FormerSession[] }) {
  const [t, format] = await Promise.all([getTranslations('CustomersPage'), getFormatter()]);
  return (
    <Alert tone="info">
      <div className="flex flex-col gap-3" data-testid="former-member-sessions">
        <p className="font-semibold">{t('formerTitle')}</p>
        <p>{t('formerBody')}</p>
        <ul className="flex flex-col gap-3">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3">
              <span>
                {t('formerLine', {
                  name: session.userName,
                  charger: session.chargerName,
                  connector: session.connectorId,
                  time: format.dateTime(session.startedAt, { dateStyle: 'short', timeStyle: 'short' }),
                })}
              </span>
              <StopSessionForm transactionId={session.id} connectorId={session.connectorId} />
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  );
}
