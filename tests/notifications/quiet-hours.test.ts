// Quiet hours: a push waits while the recipient's clock is in them (across midnight too) and goes when they end;
// e-mail goes at once. The OCPP server's dispatcher, the web-push package and a local push service, as in
// web-push.test.ts.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outboxEmails, users } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { isInQuietHours, saveQuietHours } from '@/domain/data/quiet-hours';
import { savePushSubscription } from '@/domain/data/web-push';
import { waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from '../charge/charging-suite';
import { startPushServiceStub } from '../support/push-service-stub';

const { db } = chargingSuite({ notificationPollMs: 100 });
let pushService: Awaited<ReturnType<typeof startPushServiceStub>>;
beforeAll(async () => {
  pushService = await startPushServiceStub();
});
afterAll(() => pushService.close());

const isQuiet = async (userId: string, at: string) =>
  (await db.execute<{ quiet: boolean }>(sql`select ${isInQuietHours(new Date(at))} as quiet from ${users} u where u.id = ${userId}`))[0]?.quiet;

// A fixed-offset zone whose clock now reads 23:xx (Etc/GMT-N is UTC+N), so a window from 22:00 to 01:00 holds now.
function zoneNearMidnight(): string {
  let offset = (23 - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('quiet hours', () => {
  it('hold from their start to their end on the user\'s clock, across midnight', async () => {
    const user = await makeUser(db);
    await saveQuietHours(db, { userId: user.id, quietHours: { start: '22:00', end: '07:00', zone: 'Europe/Vilnius' } });
    // Vilnius is UTC+2 in December.
    expect(await isQuiet(user.id, '2026-12-03T19:59:00Z')).toBe(false);
    expect(await isQuiet(user.id, '2026-12-03T20:00:00Z')).toBe(true);
    expect(await isQuiet(user.id, '2026-12-03T23:30:00Z')).toBe(true);
    expect(await isQuiet(user.id, '2026-12-04T04:59:00Z')).toBe(true);
    expect(await isQuiet(user.id, '2026-12-04T05:00:00Z')).toBe(false);

    await saveQuietHours(db, { userId: user.id, quietHours: { start: '13:00', end: '14:00', zone: 'Europe/Vilnius' } });
    expect(await isQuiet(user.id, '2026-12-03T11:30:00Z')).toBe(true);
    expect(await isQuiet(user.id, '2026-12-03T12:00:00Z')).toBe(false);
    await saveQuietHours(db, { userId: user.id, quietHours: null });
    expect(await isQuiet(user.id, '2026-12-03T11:30:00Z')).toBe(false);
  });

  it('hold a push until they end, while the e-mail of the same event goes at once', async () => {
    const account = await makeAccount(db);
    const user = await makeUser(db, { name: 'Night owl' });
    const browser = pushService.subscribe();
    await savePushSubscription(db, { userId: user.id, subscription: { endpoint: browser.endpoint, p256dh: browser.p256dh, auth: browser.auth } });
    await saveQuietHours(db, { userId: user.id, quietHours: { start: '22:00', end: '01:00', zone: zoneNearMidnight() } });
    const payload = { memberName: 'Ona', memberEmail: 'ona@example.test', accountName: account.name };
    const [, push] = await db
      .insert(notifications)
      .values((['email', 'push'] as const).map((channel) => ({ userId: user.id, accountId: account.id, kind: 'member-joined' as const, channel, payload })))
      .returning();

    await waitFor(async () => (await db.select().from(outboxEmails).where(eq(outboxEmails.to, user.email)))[0]);
    // Several more rounds of the dispatcher (every 100 ms), each passing the push by.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await db.select({ state: notifications.state }).from(notifications).where(eq(notifications.id, push!.id)))[0]?.state).toBe('pending');
    expect(pushService.delivered.filter((delivered) => delivered.endpoint === browser.endpoint)).toHaveLength(0);

    await saveQuietHours(db, { userId: user.id, quietHours: { start: '22:00', end: '23:00', zone: zoneNearMidnight() } });
    const delivered = await waitFor(async () => pushService.delivered.find((sent) => sent.endpoint === browser.endpoint), { timeoutMs: 10_000 });
    expect(delivered.message.title).toBe(`Ona joined “${account.name}”`);
  });
});
