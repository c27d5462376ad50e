import type { Database } from '../../../db/client';
import { claimNotifications, trimNotifications } from '../../../domain/data/notification-outbox';
import { sendNotification } from '../../../domain/notifications/send-notification';
import { loadVapidKeys, type VapidKeys } from '../../../domain/push/vapid';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

const BATCH = 20;
const TRIM_EVERY_MS = 60 * 60 * 1000;

type DispatcherOptions = { db: Database; log: Logger; everyMs: number; keepDays: number; authSecret: string | null };

// Sends the notifications the events' transactions queued, each once (claimNotifications). It runs beside the charger
// traffic and never inside it: a notification that cannot go out is marked failed (sendNotification), chargers are
// answered as ever.
export function startNotificationDispatcher({ db, log, everyMs, keepDays, authSecret }: DispatcherOptions) {
  let trimmedAt = 0;
  async function trim() {
    if (Date.now() - trimmedAt < TRIM_EVERY_MS) return;
    trimmedAt = Date.now();
    const trimmed = await trimNotifications(db, { keepDays });
    if (trimmed > 0) log.info({ trimmed, keepDays }, 'old notifications trimmed');
  }
  // Made (or read) once, at the first push; a failed load (the database away) is tried again at the next.
  let vapid: Promise<VapidKeys | null> | null = null;
  const vapidKeys = () =>
    (vapid ??= loadVapidKeys(db, { secret: authSecret }).catch((error: unknown) => {
      vapid = null;
      throw error;
    }));
  vapidKeys().catch((error: unknown) => log.warn({ err: error }, 'no VAPID keys yet: push notifications wait'));
  async function dispatch() {
    try {
      for (let batch = await claimNotifications(db, { limit: BATCH }); batch.length > 0; batch = await claimNotifications(db, { limit: BATCH })) {
        for (const notification of batch) await sendNotification({ db, log, vapidKeys }, notification);
      }
      await trim();
    } catch (error) {
      log.error({ err: error }, 'notification dispatch failed');
    }
  }
  return runPeriodically(dispatch, everyMs);
}
