import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireManagingMembership } from '@/lib/authz';
import { listAccountUsers } from '@/domain/data/memberships';
import { AddCardForm } from '../_components/add-card-form';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('CardForm'))('title') };
}

// `?userId=` comes from "Add card for this user" on the customers page; only a member of the account is preselected.
export default async function NewCardPage({ searchParams }: PageProps<'/cards/new'>) {
  const member = await requireManagingMembership();
  const [t, users, { userId }] = await Promise.all([getTranslations('CardForm'), listAccountUsers(db(), { accountId: member.accountId }), searchParams]);
  const preselected = users.find((user) => user.id === userId)?.id;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
      <Card>
        <AddCardForm accountId={member.accountId} users={users} userId={preselected} />
      </Card>
    </div>
  );
}
