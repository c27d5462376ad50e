import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pushSubscriptions, vapidKeys } from '../../db/schema';

export type StoredVapidKeys = { publicKey: string; sealedPrivateKey: string };
export type BrowserSubscription = { endpoint: string; p256dh: string; auth: string };

export async function getStoredVapidKeys(db: Executor): Promise<StoredVapidKeys | null> {
  const [row] = await db.select({ publicKey: vapidKeys.publicKey, sealedPrivateKey: vapidKeys.sealedPrivateKey }).from(vapidKeys);
  return row ?? null;
}

// Both processes may make the pair at once: the first insert wins and both go on with its row.
export async function storeVapidKeysOnce(db: Executor, keys: StoredVapidKeys): Promise<StoredVapidKeys> {
  await db.insert(vapidKeys).values(keys).onConflictDoNothing();
  const stored = await getStoredVapidKeys(db);
  if (!stored) throw new Error('VAPID keys vanished after insert');
  return stored;
}

// A browser hands the same endpoint to whoever is signed in on it: the device now notifies this user.
export async function savePushSubscription(db: Executor, { userId, subscription }: { userId: string; subscription: BrowserSubscription }) {
  await db
    .insert(pushSubscriptions)
    .values({ userId, ...subscription })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: subscription.p256dh, auth: subscription.auth, createdAt: new Date() } });
}

export async function deletePushSubscription(db: Executor, { userId, endpoint }: { userId: string; endpoint: string }) {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}

export async function listPushSubscriptions(db: Executor, { userId }: { userId: string }) {
  return db.select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

export async function dropPushSubscriptions(db: Executor, { ids }: { ids: string[] }) {
  if (ids.length > 0) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, ids));
}
