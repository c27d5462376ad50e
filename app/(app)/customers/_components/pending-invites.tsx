import { useFormatter, useNow, useTranslations } from 'next-intl';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { listPendingInvites } from '@/domain/data/invites';
import { resendInviteAction, revokeInviteAction } from '../actions';

type Invite = Awaited<ReturnType<typeof listPendingInvites>>[number];

export function PendingInvites({ accountId, invites }: { accountId: string; invites: Invite[] }) {
  const t = useTranslations('CustomersPage');
  const format = useFormatter();
  const now = useNow();
  if (invites.length === 0) return <p className="text-sm text-slate-500">{t('noPending')}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="pending-invites">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <p className="font-medium">{invite.email}</p>
            <p className="text-xs text-slate-500">
              {t('pendingLine', {
                inviterName: invite.inviterName ?? '—',
                date: format.relativeTime(invite.sentAt, now),
                expires: format.dateTime(invite.expiresAt, { dateStyle: 'medium' }),
              })}
            </p>
          </div>
          <div className="flex gap-2">
            <ConfirmForm action={resendInviteAction} fields={{ accountId, inviteId: invite.id }} label={t('resend')} done={<span className="text-xs text-brand-700">{t('resent')}</span>} />
            <ConfirmForm action={revokeInviteAction} fields={{ accountId, inviteId: invite.id }} label={t('revoke')} confirm={t('revokeConfirm', { email: invite.email })} variant="danger" />
          </div>
        </li>
      ))}
    </ul>
  );
}
