import type { Executor } from '../../db/client';
import { markNotificationFailed, markNotificationSent, type ClaimedNotification } from '../data/notification-outbox';
import { deliverEmail } from '../email/deliver';
import { sendPushToUser } from '../push/send-push';
import type { VapidKeys } from '../push/vapid';
import { renderNotification, renderPushMessage } from './render';

type SendLog = Parameters<typeof deliverEmail>[0]['log'];
type SendContext = { db: Executor; log: SendLog; vapidKeys?: () => Promise<VapidKeys | null> };

async function deliver({ db, log, vapidKeys }: SendContext, notification: ClaimedNotification) {
  if (notification.channel === 'email') return deliverEmail({ db, log }, { to: notification.email, ...renderNotification(notification) });
  const vapid = await vapidKeys?.();
  if (!vapid) throw new Error('no VAPID keys: set AUTH_SECRET, or VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY');
  await sendPushToUser(db, { userId: notification.userId, message: renderPushMessage(notification), vapid });
}

// One claimed notification, in its recipient's language, by its channel. A mail or push service that is missing or
// refuses marks it failed with the reason, and the caller goes on: nothing here may stop the charger traffic beside it.
export async function sendNotification(context: SendContext, notification: ClaimedNotification) {
  try {
    await deliver(context, notification);
    await markNotificationSent(context.db, notification);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.log.error({ notificationId: notification.id, kind: notification.kind, channel: notification.channel, reason }, 'notification not sent');
    await markNotificationFailed(context.db, { id: notification.id, error: reason });
  }
}
