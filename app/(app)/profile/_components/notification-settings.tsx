import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { listNotificationSettings } from '@/domain/data/notification-preferences';
import { db } from '@/lib/db';
import { NotificationSettingsForm } from './notification-settings-form';

// Profile → Notifications: one form per account the user belongs to.
export async function NotificationSettings({ userId }: { userId: string }) {
  const [t, accounts] = await Promise.all([getTranslations('NotificationSettings'), listNotificationSettings(db(), { userId })]);
  if (accounts.length === 0) return null;
  return (
    <Card>
      <h2 className="font-semibold" id="notifications">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <div className="mt-4 flex flex-col gap-6">
        {accounts.map((account) => (
          <NotificationSettingsForm key={account.accountId} {...account} />
        ))}
      </div>
    </Card>
  );
}
