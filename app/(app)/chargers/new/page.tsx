import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireManagingMembership } from '@/lib/authz';
import { AddChargerForm } from '../_components/add-charger-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ChargerForm'))('title') };
}

export default async function NewChargerPage() {
  const member = await requireManagingMembership();
  const t = await getTranslations('ChargerForm');
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
      <Card>
        <AddChargerForm accountId={member.accountId} />
      </Card>
    </div>
  );
}
