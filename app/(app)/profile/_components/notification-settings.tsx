import { getTimeZone, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { listNotificationSettings } from '@/domain/data/notification-preferences';
import { getQuietHours } from '@/domain/data/quiet-hours';
import { listPushSubscriptions } from '@/domain/data/web-push';
import { vapidPublicKey } from '@/domain/push/vapid';
import { db } from '@/lib/db';
import { NotificationSettingsForm } from './notification-settings-form';
import { PushDevice } from './push-device';
import { QuietHoursForm } from './quiet-hours-form';

// Profile → Notifications: this device's push subscription, then one form per account the user belongs to.
export async function NotificationSettings({ userId }: { userId: string }) {
  const [t, zone, quietHours, accounts, publicKey, subscriptions] = await Promise.all([
    getTranslations('NotificationSettings'),
    getTimeZone(),
    getQuietHours(db(), { userId }),
    listNotificationSettings(db(), { userId }),
    vapidPublicKey(db(), { secret: process.env.AUTH_SECRET || null }),
    listPushSubscriptions(db(), { userId }),
  ]);
  if (accounts.length === 0) return null;
  return (
    <Card>
      <h2 className="font-semibold" id="notifications">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <h3 className="mt-4 text-sm font-medium text-slate-900">{t('deviceTitle')}</h3>
      <div className="mt-2">
        <PushDevice publicKey={publicKey} knownEndpoints={subscriptions.map((subscription) => subscription.endpoint)} />
      </div>
      <p className="mt-4 text-sm text-slate-600">{t('pushHint')}</p>
      <div className="mt-4">
        <QuietHoursForm start={quietHours?.start ?? ''} end={quietHours?.end ?? ''} zone={quietHours?.zone ?? zone} />
      </div>
      <div className="mt-4 flex flex-col gap-6">
        {accounts.map((account) => (
          <NotificationSettingsForm key={account.accountId} {...account} />
        ))}
      </div>
    </Card>
  );
}
