import type { Database } from '../../../db/client';
import { claimNotifications, markNotificationFailed, markNotificationSent, type ClaimedNotification } from '../../../domain/data/notification-outbox';
import { deliverEmail } from '../../../domain/email/deliver';
import { renderNotification } from '../../../domain/notifications/render';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

const BATCH = 20;

type DispatcherOptions = { db: Database; log: Logger; everyMs: number };

// Sends the notifications the events' transactions queued, each once (claimNotifications), in its recipient's
// language. It runs beside the charger traffic and never inside it: a mail service that is down or missing marks the
// notification failed with its reason, and chargers are answered as ever.
export function startNotificationDispatcher({ db, log, everyMs }: DispatcherOptions) {
  async function send(notification: ClaimedNotification) {
    try {
      await deliverEmail({ db, log }, { to: notification.email, ...renderNotification(notification) });
      await markNotificationSent(db, notification);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error({ notificationId: notification.id, kind: notification.kind, reason }, 'notification not sent');
      await markNotificationFailed(db, { id: notification.id, error: reason });
    }
  }
  async function dispatch() {
    try {
      for (let batch = await claimNotifications(db, { limit: BATCH }); batch.length > 0; batch = await claimNotifications(db, { limit: BATCH })) {
        for (const notification of batch) await send(notification);
      }
    } catch (error) {
      log.error({ err: error }, 'notification dispatch failed');
    }
  }
  return runPeriodically(dispatch, everyMs);
}
