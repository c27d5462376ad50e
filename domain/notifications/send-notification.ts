import type { Executor } from '../../db/client';
import { markNotificationAttemptFailed, markNotificationFailed, markNotificationSent, type ClaimedNotification } from '../data/notification-outbox';
import { deliverEmail } from '../email/deliver';
import { sendPushToUser } from '../push/send-push';
import type { VapidKeys } from '../push/vapid';
import { renderNotification, renderPushMessage } from './render';

type SendLog = Parameters<typeof deliverEmail>[0]['log'];
type SendContext = { db: Executor; log: SendLog; vapidKeys?: () => Promise<VapidKeys | null> };

async function deliver({ db, log, vapidKeys }: SendContext, notification: ClaimedNotification) {
  if (notification.channel === 'email') return deliverEmail({ db, log, isRetried: true }, { to: notification.email, ...renderNotification(notification) });
  const vapid = await vapidKeys?.();
  if (!vapid) throw new Error('no VAPID keys: set AUTH_SECRET, or VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY');
  await sendPushToUser(db, { userId: notification.userId, message: renderPushMessage(notification), vapid });
}

const isTransient = (error: unknown) => (error as { isTransient?: unknown } | null)?.isTransient === true;

// One claimed notification, in its recipient's language, by its channel. A service that was busy or out of reach
// leaves it for a later attempt; one that is missing or refuses it marks it failed with the reason. Either way the
// caller goes on: nothing here may stop the charger traffic beside it.
export async function sendNotification(context: SendContext, notification: ClaimedNotification) {
  try {
    await deliver(context, notification);
    await markNotificationSent(context.db, notification);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fields = { notificationId: notification.id, kind: notification.kind, channel: notification.channel, reason };
    if (!isTransient(error)) {
      context.log.error(fields, 'notification not sent');
      await markNotificationFailed(context.db, { id: notification.id, error: reason });
      return;
    }
    // A failure that will be tried again is no operator's error yet: only the attempt that gives up is. Which it is
    // the write tells; if the write fails, the reason is logged all the same.
    const state = await markNotificationAttemptFailed(context.db, { id: notification.id, error: reason }).catch((writeError: unknown) => {
      context.log.error(fields, 'notification not sent');
      throw writeError;
    });
    if (state === 'pending') context.log.warn(fields, 'notification not sent; it will be tried again');
    else context.log.error(fields, 'notification not sent; no attempts left');
  }
}
