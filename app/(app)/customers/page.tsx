import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { requireManagingMembership } from '@/lib/authz';
import { listPendingInvites } from '@/domain/data/invites';
import { listMembers } from '@/domain/data/memberships';
import { listChargers } from '@/domain/data/chargers';
import { listSessionsOfFormerMembers } from '@/domain/data/people-sessions';
import { FormerMembersSessions } from './_components/former-members-sessions';
import { getAccountRequiresTwoFactor } from '@/domain/data/two-factor';
import { getAccountName } from '@/domain/data/users';
import { leaveAccountAction, requireTwoFactorAction } from './actions';
import { AccountNameForm } from './_components/account-name-form';
import { InviteForm } from './_components/invite-form';
import { MembersTable } from './_components/members-table';
import { PendingInvites } from './_components/pending-invites';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('CustomersPage'))('title') };
}

export default async function CustomersPage() {
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId };
  const [t, members, invites, isTwoFactorRequired, accountName, chargerRows, formerSessions] = await Promise.all([
    getTranslations('CustomersPage'),
    listMembers(db(), scope),
    listPendingInvites(db(), scope),
    getAccountRequiresTwoFactor(db(), scope),
    getAccountName(db(), scope),
    listChargers(db(), scope),
    listSessionsOfFormerMembers(db(), scope),
  ]);
  const chargers = chargerRows.map((charger) => ({ id: charger.id, name: charger.name }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      </div>
      <Card>
        <h2 className="font-semibold">{t('inviteTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('inviteBody')}</p>
        <div className="mt-4">
          <InviteForm accountId={member.accountId} chargers={chargers} />
        </div>
      </Card>
      {formerSessions.length > 0 && <FormerMembersSessions sessions={formerSessions} />}
      <Card>
        <h2 className="font-semibold">{t('membersTitle')}</h2>
        <MembersTable accountId={member.accountId} members={members} currentUserId={member.userId} isOwner={member.role === 'owner'} chargers={chargers} />
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t('pendingTitle')}</h2>
        <PendingInvites accountId={member.accountId} invites={invites} />
      </Card>
      {member.role === 'owner' && (
        <Card>
          <h2 className="font-semibold">{t('accountNameTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('accountNameBody')}</p>
          <div className="mt-4">
            <AccountNameForm accountId={member.accountId} name={accountName ?? ''} />
          </div>
        </Card>
      )}
      {member.role === 'owner' && (
        <Card>
          <h2 className="font-semibold">{t('twoFactorTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="two-factor-rule">
            {isTwoFactorRequired ? t('twoFactorRequired') : t('twoFactorOptional')}
          </p>
          <div className="mt-4 flex">
            <ConfirmForm
              action={requireTwoFactorAction}
              fields={{ accountId: member.accountId, required: String(!isTwoFactorRequired) }}
              label={isTwoFactorRequired ? t('stopRequiringTwoFactor') : t('requireTwoFactor')}
              confirm={isTwoFactorRequired ? undefined : t('requireTwoFactorConfirm')}
            />
          </div>
        </Card>
      )}
      {member.role === 'member' && (
        <div className="self-start">
          <ConfirmForm action={leaveAccountAction} fields={{ accountId: member.accountId }} label={t('leave')} confirm={t('leaveConfirm', { accountName: accountName ?? '' })} variant="danger" />
        </div>
      )}
    </div>
  );
}
