// Push notifications end to end: a simulated charger's StopTransaction over a real socket, the OCPP server's
// dispatcher, the web-push package, and a local push service that checks the VAPID signature and decrypts the payload
// with the browser's private key, as a browser would.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationPreferences, notifications, outboxEmails, pushSubscriptions, users } from '@/db/schema';
import { makeAccount, makeCard, makeUser } from '@/db/seed/builders';
import { savePushSubscription } from '@/domain/data/web-push';
import { sendNotification } from '@/domain/notifications/send-notification';
import { loadVapidKeys, vapidPublicKey } from '@/domain/push/vapid';
import { createLogger } from '@/ocpp-server/src/logger';
import { TEST_AUTH_SECRET, waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from '../charge/charging-suite';
import { chargeAndStop } from './charge-and-stop';
import { startPushServiceStub } from '../support/push-service-stub';

const { db, setup } = chargingSuite({ notificationPollMs: 100 });
const silent = createLogger('silent');
let pushService: Awaited<ReturnType<typeof startPushServiceStub>>;

beforeAll(async () => {
  pushService = await startPushServiceStub();
});
afterAll(() => pushService.close());

async function subscribeBrowser(userId: string) {
  const browser = pushService.subscribe();
  await savePushSubscription(db, { userId, subscription: { endpoint: browser.endpoint, p256dh: browser.p256dh, auth: browser.auth } });
  return browser;
}

const pushesTo = (endpoint: string) => pushService.delivered.filter((push) => push.endpoint === endpoint);
const pushAbout = (endpoint: string, title: string) => waitFor(async () => pushesTo(endpoint).find((push) => push.message.title === title), { timeoutMs: 10_000 });
const finishedOf = (userId: string) => and(eq(notifications.userId, userId), eq(notifications.kind, 'session-finished'));
const stateOf = async (id: string) => (await db.select({ state: notifications.state, error: notifications.error }).from(notifications).where(eq(notifications.id, id)))[0];

// A push a dispatcher holds once claimed, to a user with one browser subscribed.
async function claimedPush() {
  const account = await makeAccount(db);
  const recipient = await makeUser(db, { locale: 'lt', name: 'Jonas' });
  const browser = await subscribeBrowser(recipient.id);
  const payload = { memberName: 'Ona', memberEmail: 'ona@example.test', accountName: account.name };
  const [row] = await db
    .insert(notifications)
    .values({ userId: recipient.id, accountId: account.id, kind: 'member-joined', channel: 'push', payload, state: 'sending', claimedAt: new Date() })
    .returning();
  const claimed = { id: row!.id, userId: recipient.id, kind: row!.kind, channel: row!.channel, payload, email: recipient.email, name: recipient.name, locale: 'lt' as const };
  return { claimed, browser };
}

const vapidKeys = () => loadVapidKeys(db, { secret: TEST_AUTH_SECRET });

describe('push notifications', () => {
  it('sends a finished session by e-mail and by push, signed with the platform key and in the driver\'s language', async () => {
    const { account, member, simulator } = await setup({ powerW: 36_000 });
    await db.update(users).set({ locale: 'de', name: 'Greta' }).where(eq(users.id, member.id));
    const browser = await subscribeBrowser(member.id);
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' });

    const transactionId = await chargeAndStop(simulator, card.idTag);

    const push = await pushAbout(browser.endpoint, 'Ladevorgang an Test charger beendet');
    expect(push.message.body).toMatch(/Energie: \d+,\d{2} kWh/);
    expect(push.message.path).toBe(`/sessions/${transactionId}`);
    expect(push.vapidKey).toBe(await vapidPublicKey(db, { secret: TEST_AUTH_SECRET }));
    const mails = () => db.select().from(outboxEmails).where(eq(outboxEmails.to, member.email));
    await waitFor(async () => (await mails()).find((mail) => mail.subject === 'Ladevorgang an Test charger beendet'), { timeoutMs: 10_000 });
    expect(pushService.refused).toEqual([]);
  });

  it('sends neither to a driver who turned both off', async () => {
    const { account, member, simulator } = await setup({ powerW: 36_000 });
    const browser = await subscribeBrowser(member.id);
    await db.insert(notificationPreferences).values({ userId: member.id, accountId: account.id, kind: 'session-finished', isEmail: false, isPush: false });
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' });

    await chargeAndStop(simulator, card.idTag);

    // Queued in the stop's own transaction, committed before the charger is answered: nothing now means nothing ever.
    expect(await db.select().from(notifications).where(finishedOf(member.id))).toHaveLength(0);
    expect(pushesTo(browser.endpoint).map((push) => push.message.title)).not.toContain('Charging finished at Test charger');
  });

  it('sends push alone to a driver who keeps push and turned e-mail off', async () => {
    const { account, member, simulator } = await setup({ powerW: 36_000 });
    const browser = await subscribeBrowser(member.id);
    await db.insert(notificationPreferences).values({ userId: member.id, accountId: account.id, kind: 'session-finished', isEmail: false, isPush: true });
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' });

    await chargeAndStop(simulator, card.idTag);

    await pushAbout(browser.endpoint, 'Charging finished at Test charger');
    const rows = await db.select({ channel: notifications.channel }).from(notifications).where(finishedOf(member.id));
    expect(rows).toEqual([{ channel: 'push' }]);
  });

  it('forgets a subscription the push service calls gone, and marks the push failed', async () => {
    const { claimed, browser } = await claimedPush();
    pushService.answer(browser.endpoint, 410);
    await sendNotification({ db, log: silent, vapidKeys }, claimed);

    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, browser.endpoint))).toHaveLength(0);
    expect(await stateOf(claimed.id)).toEqual({ state: 'failed', error: 'no browser subscribed to push notifications' });
  });

  it('keeps the subscription when the push service fails otherwise, and records its answer for a later attempt', async () => {
    const { claimed, browser } = await claimedPush();
    pushService.answer(browser.endpoint, 503);
    await sendNotification({ db, log: silent, vapidKeys }, claimed);

    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, browser.endpoint))).toHaveLength(1);
    expect(await stateOf(claimed.id)).toEqual({ state: 'pending', error: 'push service answered 503: stub answer' });
  });

  it('delivers to the other browsers of a user when one is gone', async () => {
    const { claimed, browser } = await claimedPush();
    const second = await subscribeBrowser(claimed.userId);
    pushService.answer(browser.endpoint, 404);
    await sendNotification({ db, log: silent, vapidKeys }, claimed);

    expect(pushesTo(second.endpoint).map((push) => push.message.title)).toEqual([`Ona prisijungė prie „${claimed.payload.accountName}“`]);
    expect(await stateOf(claimed.id)).toEqual({ state: 'sent', error: null });
  });
});
