import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { listInvitesForUser } from '@/domain/data/invites';
import { answerInviteAction } from '../invites/actions';

type Invitation = Awaited<ReturnType<typeof listInvitesForUser>>[number];

export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  const t = useTranslations('DashboardPage');
  if (invitations.length === 0) return null;
  return (
    <Card className="ring-brand-100">
      <h2 className="font-semibold">{t('invitesTitle')}</h2>
      <ul className="mt-3 divide-y divide-slate-100" data-testid="my-invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
            <span className="text-sm">{t('inviteLine', { inviterName: invitation.inviterName ?? '—', accountName: invitation.accountName })}</span>
            <span className="flex gap-2">
              <ConfirmForm action={answerInviteAction} fields={{ inviteId: invitation.id, answer: 'accept' }} label={t('accept')} variant="primary" />
              <ConfirmForm action={answerInviteAction} fields={{ inviteId: invitation.id, answer: 'decline' }} label={t('decline')} variant="ghost" />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
