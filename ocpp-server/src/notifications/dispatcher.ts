import type { Database } from '../../../db/client';
import { claimNotifications } from '../../../domain/data/notification-outbox';
import { sendNotification } from '../../../domain/notifications/send-notification';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

const BATCH = 20;

type DispatcherOptions = { db: Database; log: Logger; everyMs: number };

// Sends the notifications the events' transactions queued, each once (claimNotifications). It runs beside the charger
// traffic and never inside it: a notification that cannot go out is marked failed (sendNotification), chargers are
// answered as ever.
export function startNotificationDispatcher({ db, log, everyMs }: DispatcherOptions) {
  async function dispatch() {
    try {
      for (let batch = await claimNotifications(db, { limit: BATCH }); batch.length > 0; batch = await claimNotifications(db, { limit: BATCH })) {
        for (const notification of batch) await sendNotification({ db, log }, notification);
      }
    } catch (error) {
      log.error({ err: error }, 'notification dispatch failed');
    }
  }
  return runPeriodically(dispatch, everyMs);
}
