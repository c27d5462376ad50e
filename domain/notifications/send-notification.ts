import type { Executor } from '../../db/client';
import { markNotificationFailed, markNotificationSent, type ClaimedNotification } from '../data/notification-outbox';
import { deliverEmail } from '../email/deliver';
import { renderNotification } from './render';

type SendLog = Parameters<typeof deliverEmail>[0]['log'];

// One claimed notification, in its recipient's language. A mail service that is missing or refuses marks it failed
// with the reason, and the caller goes on: nothing here may stop the charger traffic beside it.
export async function sendNotification({ db, log }: { db: Executor; log: SendLog }, notification: ClaimedNotification) {
  try {
    await deliverEmail({ db, log }, { to: notification.email, ...renderNotification(notification) });
    await markNotificationSent(db, notification);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error({ notificationId: notification.id, kind: notification.kind, reason }, 'notification not sent');
    await markNotificationFailed(db, { id: notification.id, error: reason });
  }
}
