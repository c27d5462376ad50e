import webpush, { WebPushError } from 'web-push';
import type { Executor } from '../../db/client';
import { dropPushSubscriptions, listPushSubscriptions } from '../data/web-push';
import type { PushMessage } from '../notifications/render';
import type { VapidKeys } from './vapid';

// A day: a phone switched off longer than that would only wake to stale news.
const TIME_TO_LIVE_S = 24 * 60 * 60;

// RFC 8030 §7.3: the push service no longer knows this subscription (the browser dropped it or the user revoked it).
const isGone = (error: unknown) => error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410);

// Not taken now, but maybe later: the push service was busy (429), failing (5xx) or out of reach.
export class PushDeliveryError extends Error {
  constructor(
    message: string,
    readonly isTransient: boolean,
  ) {
    super(message);
  }
}

const isTransient = (error: unknown) => !(error instanceof WebPushError) || error.statusCode === 429 || error.statusCode >= 500;

function reasonOf(error: unknown): string {
  if (error instanceof WebPushError) return `push service answered ${error.statusCode}${error.body ? `: ${error.body}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

// Sends `message` to every browser the user turned notifications on in. Subscriptions the push service calls gone are
// deleted; the push counts as delivered once one browser took it, and otherwise throws the first other failure.
export async function sendPushToUser(db: Executor, { userId, message, vapid }: { userId: string; message: PushMessage; vapid: VapidKeys }) {
  const subscriptions = await listPushSubscriptions(db, { userId });
  const payload = JSON.stringify(message);
  const outcomes = await Promise.allSettled(
    subscriptions.map((s) =>
      webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
        vapidDetails: vapid,
        TTL: TIME_TO_LIVE_S,
        timeout: 10_000,
      }),
    ),
  );
  await dropPushSubscriptions(db, { ids: subscriptions.filter((_, i) => outcomes[i]?.status === 'rejected' && isGone((outcomes[i] as PromiseRejectedResult).reason)).map((s) => s.id) });
  if (outcomes.some((outcome) => outcome.status === 'fulfilled')) return;
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected' && !isGone(outcome.reason));
  if (failure) throw new PushDeliveryError(reasonOf(failure.reason), isTransient(failure.reason));
  throw new PushDeliveryError('no browser subscribed to push notifications', false);
}
