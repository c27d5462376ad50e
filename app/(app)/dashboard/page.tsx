import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LiveRefresh } from '@/components/live/live-refresh';
import { DashboardSessions } from '@/components/sessions/dashboard-sessions';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { listInvitesForUser } from '@/domain/data/invites';
import { listMembershipsOfUser } from '@/domain/data/memberships';
import { canManageAccount } from '@/domain/people/roles';
import { requireCurrentMembership } from '@/lib/authz';
import { leaveAccountAction } from '../customers/actions';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { getChargerCounts } from '@/domain/data/chargers';
import { requireUser } from '@/lib/session';
import { PendingInvitations } from './pending-invitations';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('DashboardPage'))('title') };
}

export default async function DashboardPage() {
  const [user, member] = await Promise.all([requireUser(), requireCurrentMembership()]);
  const [t, format, memberships, invitations, counts] = await Promise.all([
    getTranslations('DashboardPage'),
    getFormatter(),
    listMembershipsOfUser(db(), { userId: user.id }),
    listInvitesForUser(db(), { userId: user.id }),
    getChargerCounts(db(), { accountId: member.accountId }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {counts.total > 0 && <LiveRefresh />}
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('welcome', { name: user.name })}</h1>
      <PendingInvitations invitations={invitations} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-slate-900">{t('accountTitle')}</h2>
          <ul className="mt-4 divide-y divide-slate-100">
            {memberships.map((membership) => (
              <li key={membership.accountId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                <span className="min-w-0 break-words font-medium">{membership.accountName}</span>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
                  <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-700">
                    {t('role', { role: membership.role })}
                  </span>
                  {t('since', { date: format.dateTime(membership.joinedAt, { dateStyle: 'medium' }) })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        {!canManageAccount(member.role) ? (
          <Card>
            <h2 className="font-semibold text-slate-900">{t('driverTitle')}</h2>
            <p className="mt-2 text-sm text-slate-600">{t('driverBody', { role: member.role })}</p>
            <div className="mt-5 flex flex-wrap gap-3">
              <Link href="/charge" className={buttonClasses('primary')}>
                {t('openCharge')}
              </Link>
              <ConfirmForm action={leaveAccountAction} fields={{ accountId: member.accountId }} label={t('leave')} confirm={t('leaveConfirm')} variant="danger" />
            </div>
          </Card>
        ) : counts.total > 0 ? (
          <Card>
            <h2 className="font-semibold text-slate-900">{t('chargersTitle')}</h2>
            <p className="mt-3 text-2xl font-bold tabular-nums" data-testid="chargers-online">
              {t('chargersSummary', { online: counts.online, total: counts.total })}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t('chargingNow', { count: counts.charging })}</p>
            <Link href="/chargers" className={buttonClasses('secondary', 'mt-5')}>
              {t('openChargers')}
            </Link>
          </Card>
        ) : (
          <Card>
            <h2 className="font-semibold text-slate-900">{t('gettingStarted')}</h2>
            <p className="mt-2 text-sm text-slate-600">{t('addChargerBody')}</p>
            <Link href="/onboarding" className={buttonClasses('primary', 'mt-5')}>
              {t('addCharger')}
            </Link>
          </Card>
        )}
        {canManageAccount(member.role) && counts.total > 0 && <DashboardSessions accountId={member.accountId} />}
      </div>
    </div>
  );
}
