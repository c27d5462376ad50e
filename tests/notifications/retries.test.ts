// A notification the mail or push service could not take for a while (rate limit, a 5xx, the network) is tried again
// later with growing pauses; one it refused for good is marked failed at once; old sent and failed rows are trimmed.
import { eq, sql as raw } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { notifications } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { savePushSubscription } from '@/domain/data/web-push';
import { claimNotifications, MAX_NOTIFICATION_ATTEMPTS, trimNotifications, type ClaimedNotification } from '@/domain/data/notification-outbox';
import { sendNotification } from '@/domain/notifications/send-notification';
import { loadVapidKeys } from '@/domain/push/vapid';
import { createLogger } from '@/ocpp-server/src/logger';
import { TEST_AUTH_SECRET, testDb } from '@/ocpp-server/test/helpers';
import { startPushServiceStub } from '../support/push-service-stub';
import { startResendStub } from '../support/resend-stub';

const { db, sql } = testDb();
const silent = createLogger('silent');

// A logger that keeps what it was told, as `level message` lines.
function recordingLog() {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(`${JSON.parse(line).level} ${JSON.parse(line).msg}`) };
  return { log: createLogger('info', destination), lines };
}
let pushService: Awaited<ReturnType<typeof startPushServiceStub>>;

beforeAll(async () => {
  pushService = await startPushServiceStub();
});
afterAll(async () => {
  await pushService.close();
  await sql.end();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const rowOf = async (id: string) =>
  (await db.select({ state: notifications.state, error: notifications.error, attempts: notifications.attempts, nextAttemptAt: notifications.nextAttemptAt }).from(notifications).where(eq(notifications.id, id)))[0]!;

// As a dispatcher holds a notification once claimed.
async function claimed(channel: 'email' | 'push', overrides: { attempts?: number } = {}): Promise<ClaimedNotification> {
  const account = await makeAccount(db);
  const recipient = await makeUser(db, { locale: 'de', name: 'Jonas' });
  const payload = { memberName: 'Ona', memberEmail: 'ona@example.test', accountName: account.name };
  const [row] = await db
    .insert(notifications)
    .values({ userId: recipient.id, accountId: account.id, kind: 'member-joined', channel, payload, state: 'sending', claimedAt: new Date(), ...overrides })
    .returning();
  return { id: row!.id, userId: recipient.id, kind: row!.kind, channel, payload, email: recipient.email, name: recipient.name, locale: 'de' };
}

async function viaResend(failFirst: NonNullable<Parameters<typeof startResendStub>[0]>['failFirst']) {
  const stub = await startResendStub({ failFirst });
  vi.stubEnv('RESEND_API_KEY', 're_test_key');
  vi.stubEnv('RESEND_BASE_URL', stub.url);
  return stub;
}

// Claims until the notification comes up (other tests' rows may come first), then puts the others back.
async function claimById(id: string) {
  const batch = await claimNotifications(db, { limit: 1000 });
  const others = batch.filter((row) => row.id !== id).map((row) => row.id);
  if (others.length > 0) await db.execute(raw`update ${notifications} set state = 'pending' where id in ${raw`(${raw.join(others.map((other) => raw`${other}`), raw`, `)})`}`);
  return batch.find((row) => row.id === id);
}

const dueNow = (id: string) => db.update(notifications).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(notifications.id, id));

describe('notification retries', () => {
  it('tries an e-mail Resend rate-limited again later, not before, and sends it then', async () => {
    const stub = await viaResend([{ status: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }]);
    const notification = await claimed('email');
    const recorded = recordingLog();
    await sendNotification({ db, log: recorded.log }, notification);
    // A warning, not an error: nothing is lost yet.
    expect(recorded.lines).toEqual(['40 Resend could not take an e-mail now; it will be tried again', '40 notification not sent; it will be tried again']);

    const waiting = await rowOf(notification.id);
    expect(waiting).toMatchObject({ state: 'pending', error: 'Too many requests', attempts: 1 });
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await claimById(notification.id)).toBeUndefined();

    await dueNow(notification.id);
    const again = await claimById(notification.id);
    expect(again).toBeDefined();
    await sendNotification({ db, log: silent }, again!);
    await stub.close();
    expect(await rowOf(notification.id)).toMatchObject({ state: 'sent', error: null });
    expect(stub.received).toHaveLength(2);
  });

  it('waits longer after each failed attempt, for 5xx answers and an unreachable service alike', async () => {
    const stub = await viaResend([
      { status: 500, name: 'internal_server_error', message: 'Internal server error' },
      { status: 503, name: 'application_error', message: 'Unavailable' },
    ]);
    const notification = await claimed('email');
    const pauses: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = Date.now();
      await sendNotification({ db, log: silent }, (await claimById(notification.id)) ?? notification);
      pauses.push((await rowOf(notification.id)).nextAttemptAt!.getTime() - before);
      await dueNow(notification.id);
    }
    await stub.close();
    // Nothing listens at the stub's address any more: the network itself fails.
    await sendNotification({ db, log: silent }, (await claimById(notification.id))!);
    const third = await rowOf(notification.id);
    pauses.push(third.nextAttemptAt!.getTime() - Date.now());

    expect(third).toMatchObject({ state: 'pending', attempts: 3 });
    expect(pauses[1]!).toBeGreaterThan(pauses[0]!);
    expect(pauses[2]!).toBeGreaterThan(pauses[1]!);
  });

  it('gives up after the last attempt, marked failed with the last reason', async () => {
    const stub = await viaResend([{ status: 503, name: 'application_error', message: 'Unavailable' }]);
    const notification = await claimed('email', { attempts: MAX_NOTIFICATION_ATTEMPTS - 1 });
    const recorded = recordingLog();
    await sendNotification({ db, log: recorded.log }, notification);
    await stub.close();
    expect(recorded.lines).toEqual(['40 Resend could not take an e-mail now; it will be tried again', '50 notification not sent; no attempts left']);

    expect(await rowOf(notification.id)).toMatchObject({ state: 'failed', error: 'Unavailable', attempts: MAX_NOTIFICATION_ATTEMPTS });
  });

  it('does not try again an e-mail Resend refused for good', async () => {
    const stub = await viaResend([{ status: 422, message: 'Invalid `to` field.' }]);
    const notification = await claimed('email');
    const recorded = recordingLog();
    await sendNotification({ db, log: recorded.log }, notification);
    await stub.close();
    expect(recorded.lines).toEqual(['50 Resend refused an e-mail', '50 notification not sent']);

    expect(await rowOf(notification.id)).toMatchObject({ state: 'failed', error: 'Invalid `to` field.', nextAttemptAt: null });
  });

  it('tries a push again later when the push service answers 503', async () => {
    const notification = await claimed('push');
    const browser = pushService.subscribe();
    await savePushSubscription(db, { userId: notification.userId, subscription: { endpoint: browser.endpoint, p256dh: browser.p256dh, auth: browser.auth } });
    pushService.answer(browser.endpoint, 503);
    const vapidKeys = () => loadVapidKeys(db, { secret: TEST_AUTH_SECRET });
    await sendNotification({ db, log: silent, vapidKeys }, notification);

    expect(await rowOf(notification.id)).toMatchObject({ state: 'pending', error: 'push service answered 503: stub answer', attempts: 1 });
  });

  it('trims sent and failed notifications past the retention, and keeps the rest', async () => {
    const old = new Date(Date.now() - 100 * 24 * 60 * 60 * 1000);
    const rows = await Promise.all([
      claimed('email').then((row) => ({ ...row, state: 'sent' as const, createdAt: old })),
      claimed('email').then((row) => ({ ...row, state: 'failed' as const, createdAt: old })),
      claimed('email').then((row) => ({ ...row, state: 'pending' as const, createdAt: old })),
      claimed('email').then((row) => ({ ...row, state: 'sent' as const, createdAt: new Date() })),
    ]);
    for (const row of rows) await db.update(notifications).set({ state: row.state, createdAt: row.createdAt }).where(eq(notifications.id, row.id));
    await trimNotifications(db, { keepDays: 90 });

    const left = await Promise.all(rows.map(async (row) => (await db.select().from(notifications).where(eq(notifications.id, row.id))).length));
    expect(left).toEqual([0, 0, 1, 1]);
  });
});
