import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { requireCurrentMembership } from '@/lib/authz';
import { listMembershipsOfUser } from '@/domain/data/memberships';
import { requireUser } from '@/lib/session';
import { db } from '@/lib/db';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [current, accounts] = await Promise.all([requireCurrentMembership(), listMembershipsOfUser(db(), { userId: user.id })]);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader userName={user.name} accounts={accounts} currentAccountId={current.accountId} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
