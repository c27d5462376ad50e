import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { listMembers } from '@/domain/data/memberships';
import { removeMemberAction } from '../actions';
import type { ChargerChoice } from './grant-fields';
import { GuestLimitsLine } from './guest-limits-line';
import { RoleForm } from './role-form';

type Member = Awaited<ReturnType<typeof listMembers>>[number];

type MembersTableProps = { accountId: string; members: Member[]; currentUserId: string; isOwner: boolean; chargers: ChargerChoice[] };

export function MembersTable({ accountId, members, currentUserId, isOwner, chargers }: MembersTableProps) {
  const t = useTranslations('CustomersPage');
  const format = useFormatter();
  return (
    <ul className="divide-y divide-slate-100" data-testid="members">
      {members.map((member) => (
        <li key={member.userId} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center" data-testid="member-row" data-email={member.email}>
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">
              {member.name}
              {member.userId === currentUserId && <span className="ml-2 text-xs font-normal text-slate-500">({t('you')})</span>}
              {member.hasTwoFactor && (
                <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700" title={t('twoFactorOnTitle')}>
                  {t('twoFactorOn')}
                </span>
              )}
            </p>
            <p className="truncate text-sm text-slate-600">{member.email}</p>
            {member.role === 'guest' && <GuestLimitsLine limits={member} chargers={chargers} />}
            {isOwner && member.role !== 'owner' && <RoleForm accountId={accountId} member={member} chargers={chargers} />}
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:w-96 sm:grid-cols-4 sm:gap-4">
            <div>
              <dt className="text-xs text-slate-500">{t('role')}</dt>
              <dd>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${member.role === 'owner' ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-700'}`}>
                  {t('roleName', { role: member.role })}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('cards')}</dt>
              <dd className="tabular-nums">{member.cardCount}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('sessions')}</dt>
              <dd className="tabular-nums">{member.sessionsThisMonth}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t('joined')}</dt>
              <dd>{format.dateTime(member.joinedAt, { dateStyle: 'short' })}</dd>
            </div>
          </dl>
          <div className="flex items-start gap-2 sm:w-56 sm:justify-end">
            <Link href={`/cards/new?userId=${member.userId}`} className="rounded-lg px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
              {t('addCard')}
            </Link>
            {member.role !== 'owner' && member.userId !== currentUserId && (
              <ConfirmForm
                action={removeMemberAction}
                fields={{ accountId, userId: member.userId }}
                label={t('remove')}
                confirm={t('removeConfirm', { name: member.name })}
                variant="danger"
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
