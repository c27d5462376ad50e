import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { TabBar } from '@/components/layout/tab-bar';
import { getCurrentMembershipClaim } from '@/lib/authz';
import { listMembershipsOfUser } from '@/domain/data/memberships';
import { canManageAccount } from '@/domain/people/roles';
import { requireUser } from '@/lib/session';
import { db } from '@/lib/db';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Not requireCurrentMembership: the profile pages, where a member sets up the two-factor an account requires, share
  // this layout. Each page of an account requires its membership itself.
  const [current, accounts] = await Promise.all([getCurrentMembershipClaim(), listMembershipsOfUser(db(), { userId: user.id })]);
  const canManage = !current || canManageAccount(current.role);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader userName={user.name} accounts={accounts} currentAccountId={current?.accountId ?? ''} canManage={canManage} />
      {/* Room at the bottom for the phone's tab bar. */}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pt-6 pb-24 sm:px-6 sm:py-10">
        {children}
      </main>
      <TabBar userName={user.name} accounts={accounts} currentAccountId={current?.accountId ?? ''} canManage={canManage} />
    </div>
  );
}
