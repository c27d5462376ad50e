import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { SubPageHeader } from '@/components/ui/sub-page-header';
import { describePaymentSettings } from '@/domain/payments/account-provider';
import { requireManagingMembership } from '@/lib/authz';
import { db } from '@/lib/db';
import { stripeWebhookUrl } from '@/lib/payments/account-payments';
import { PaymentSettingsForm } from './_components/payment-settings-form';

export async function generateMetadata() {
  return { title: (await getTranslations('PaymentSettings'))('title') };
}

// Owners choose; co-owners see the choice.
export default async function PaymentSettingsPage() {
  const member = await requireManagingMembership();
  const [t, settings] = await Promise.all([getTranslations('PaymentSettings'), describePaymentSettings(db(), { accountId: member.accountId })]);
  return (
    <div className="flex flex-col gap-6">
      <SubPageHeader back={{ href: '/payments', label: t('back') }} title={t('title')} intro={t('intro')} />
      <Card>
        {member.role === 'owner' ? (
          <PaymentSettingsForm accountId={member.accountId} {...settings} webhookUrl={stripeWebhookUrl(member.accountId)} />
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p>{t('current', { method: settings.method })}</p>
            <p className="text-slate-600">{t('ownersOnlyNotice')}</p>
          </div>
        )}
      </Card>
    </div>
  );
}
