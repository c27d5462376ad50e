// Notifications end to end: a simulated charger's messages over a real socket, the OCPP server's dispatcher, and the
// e-mail in the local outbox (or at a stand-in for Resend), in the recipient's language.
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notificationPreferences, notifications, outboxEmails, tariffs, transactions, users } from '@/db/schema';
import { makeAccount, makeCard, makeUser } from '@/db/seed/builders';
import type { ClaimedNotification } from '@/domain/data/notification-outbox';
import { joinAccount } from '@/domain/data/join-account';
import { endMembership } from '@/domain/people/end-membership';
import { sendNotification } from '@/domain/notifications/send-notification';
import { createLogger } from '@/ocpp-server/src/logger';
import { startNotificationDispatcher } from '@/ocpp-server/src/notifications/dispatcher';
import { testDb, waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from '../charge/charging-suite';
import { chargeAndStop } from './charge-and-stop';
import { startResendStub } from '../support/resend-stub';

const { db, setup } = chargingSuite({ notificationPollMs: 100 });
const silent = createLogger('silent');

afterEach(() => {
  vi.unstubAllEnvs();
});

const mailsTo = (address: string) => db.select().from(outboxEmails).where(eq(outboxEmails.to, address));
const stateOf = async (id: string) => (await db.select({ state: notifications.state, error: notifications.error }).from(notifications).where(eq(notifications.id, id)))[0];

// A fault notification as a dispatcher holds it once claimed; `sending` keeps every other dispatcher off it.
async function claimedFaultNotification(locale: 'en' | 'lt' | 'es'): Promise<ClaimedNotification> {
  const account = await makeAccount(db);
  const recipient = await makeUser(db, { locale, name: 'Jonas' });
  const payload = { chargerId: crypto.randomUUID(), chargerName: 'Garage', accountName: account.name, connectorId: 1, errorCode: 'OverVoltage' };
  const [row] = await db
    .insert(notifications)
    .values({ userId: recipient.id, accountId: account.id, kind: 'charger-faulted', payload, state: 'sending', claimedAt: new Date() })
    .returning();
  return { id: row!.id, userId: recipient.id, kind: row!.kind, channel: row!.channel, payload, email: recipient.email, name: recipient.name, locale };
}

const firstMailTo = (address: string) => waitFor(async () => (await mailsTo(address))[0]);
const mailAbout = (address: string, subject: string) => waitFor(async () => (await mailsTo(address)).find((mail) => mail.subject === subject));

describe('notifications', () => {
  it('e-mails the driver of a finished session in their language, with its energy and cost', async () => {
    const { account, member, simulator } = await setup({ powerW: 36_000 });
    await db.update(users).set({ locale: 'de', name: 'Greta' }).where(eq(users.id, member.id));
    await db.insert(tariffs).values({ accountId: account.id, pricePerKwh: '0.3000', currency: 'EUR', validFrom: new Date(Date.now() - 60_000) });
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' });

    const transactionId = await chargeAndStop(simulator, card.idTag);

    const mail = await mailAbout(member.email, 'Ladevorgang an Test charger beendet');
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    const energy = new Intl.NumberFormat('de', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(session!.energyWh! / 1000);
    expect(mail.text).toContain('Hallo Greta');
    expect(mail.text).toContain(`Energie: ${energy} kWh`);
    expect(mail.text).toMatch(/Dauer: \d+ Minuten?/);
    expect(mail.text).toMatch(/Kosten: \d+,\d{2}\s€/);
    expect(mail.text).toContain(`/sessions/${transactionId}`);
  });

  it('writes nothing for a driver who turned session e-mails off', async () => {
    const { account, member, simulator } = await setup({ powerW: 36_000 });
    await db.insert(notificationPreferences).values({ userId: member.id, accountId: account.id, kind: 'session-finished', isEmail: false });
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' });

    await chargeAndStop(simulator, card.idTag);

    // The notification would be written in the stop's own transaction, committed before the charger is answered.
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'session-finished')))).toHaveLength(0);
    expect((await mailsTo(member.email)).map((mail) => mail.subject)).not.toContain('Charging finished at Test charger');
  });

  it('e-mails the owners when a connector reports a fault, once for a repeated fault, with its error in plain words', async () => {
    const { owner, member, simulator } = await setup();
    await simulator.sendStatus(1, 'Faulted', 'GroundFailure');

    const mail = await firstMailTo(owner.email);
    expect(mail.subject).toBe('Test charger reports a fault');
    expect(mail.text).toContain('Connector 1 of Test charger');
    expect(mail.text).toContain('an earth fault (the safety switch tripped)');
    await firstMailTo(member.email);

    await simulator.sendStatus(1, 'Faulted', 'GroundFailure');
    await simulator.sendStatus(2, 'Faulted', 'HighTemperature');
    await waitFor(async () => (await mailsTo(owner.email)).length === 2);
    const rows = await db.select().from(notifications).where(and(eq(notifications.userId, owner.id), eq(notifications.kind, 'charger-faulted')));
    expect(rows).toHaveLength(2);
  });

  it('says a fault of connector 0 is one of the whole charger, not of a "Connector 0"', async () => {
    const { owner, simulator } = await setup();
    await simulator.sendStatus(0, 'Faulted', 'PowerMeterFailure');

    const mail = await firstMailTo(owner.email);
    expect(mail.text).toContain('Test charger (account');
    expect(mail.text).toContain('reports a fault of the whole charger');
    expect(mail.text).toContain('Charging at this charger may not work');
    expect(mail.text).not.toContain('Connector 0');
  });

  it('e-mails the owners when a member is removed, and not the member who left', async () => {
    const { account, owner, member } = await setup();
    await db.update(users).set({ locale: 'fr' }).where(eq(users.id, owner.id));
    await endMembership(db, { accountId: account.id, userId: member.id, requestedBy: owner.id });

    const mail = await firstMailTo(owner.email);
    expect(mail.subject).toBe(`Test User a quitté « ${account.name} »`);
    expect(mail.text).toContain(member.email);
    expect(await db.select().from(notifications).where(eq(notifications.userId, member.id))).toHaveLength(0);
  });

  it('e-mails the owners when someone joins, and not the one who joined', async () => {
    const { account, owner } = await setup();
    const newcomer = await makeUser(db, { name: 'Ona', emailVerifiedAt: new Date() });
    await joinAccount(db, { accountId: account.id, userId: newcomer.id, role: 'driver' });

    const mail = await firstMailTo(owner.email);
    expect(mail.subject).toBe(`Ona joined “${account.name}”`);
    expect(await db.select().from(notifications).where(eq(notifications.userId, newcomer.id))).toHaveLength(0);
  });

  it('sends each notification once while two dispatchers run side by side', async () => {
    const { account, owner } = await setup();
    const recipient = await makeUser(db, { emailVerifiedAt: new Date() });
    const payload = { memberName: 'Ona', memberEmail: 'ona@example.test', accountName: account.name };
    await db.insert(notifications).values(Array.from({ length: 40 }, () => ({ userId: recipient.id, accountId: account.id, kind: 'member-joined' as const, payload })));
    const second = testDb();
    const dispatchers = [startNotificationDispatcher({ db, log: silent, everyMs: 50, keepDays: 90, authSecret: null }), startNotificationDispatcher({ db: second.db, log: silent, everyMs: 50, keepDays: 90, authSecret: null })];
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.run()));

    const sent = await waitFor(async () => {
      const rows = await db.select().from(notifications).where(eq(notifications.userId, recipient.id));
      return rows.every((row) => row.state === 'sent') && rows;
    });
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    await second.sql.end();
    expect(sent).toHaveLength(40);
    expect(await mailsTo(recipient.email)).toHaveLength(40);
    expect(owner.id).not.toBe(recipient.id);
  });

  it('sends a notification through the Resend API when RESEND_API_KEY is set, in the recipient\'s language', async () => {
    const stub = await startResendStub();
    vi.stubEnv('RESEND_API_KEY', 're_test_key');
    vi.stubEnv('RESEND_BASE_URL', stub.url);
    const claimed = await claimedFaultNotification('es');
    await sendNotification({ db, log: silent }, claimed);
    await stub.close();

    expect(stub.received).toHaveLength(1);
    expect(stub.received[0]?.authorization).toBe('Bearer re_test_key');
    expect(stub.received[0]?.body.to).toBe(claimed.email);
    expect(stub.received[0]?.body.subject).toBe('Garage informa de una avería');
    expect(stub.received[0]?.body.text).toContain('la tensión es demasiado alta');
    expect(await stateOf(claimed.id)).toEqual({ state: 'sent', error: null });
    expect(await mailsTo(claimed.email)).toHaveLength(0);
  });

  it('marks a notification Resend refuses as failed, with its reason', async () => {
    const stub = await startResendStub({ failWith: { status: 422, message: 'Invalid `to` field.' } });
    vi.stubEnv('RESEND_API_KEY', 're_test_key');
    vi.stubEnv('RESEND_BASE_URL', stub.url);
    const claimed = await claimedFaultNotification('en');
    await sendNotification({ db, log: silent }, claimed);
    await stub.close();

    expect(await stateOf(claimed.id)).toEqual({ state: 'failed', error: 'Invalid `to` field.' });
  });

  it('with no mail service and no local mailbox, marks the notification failed and stores no e-mail', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('LOCAL_MAILBOX', '');
    const claimed = await claimedFaultNotification('lt');
    await sendNotification({ db, log: silent }, claimed);

    expect(await stateOf(claimed.id)).toEqual({ state: 'failed', error: 'no RESEND_API_KEY, and the local mailbox is off' });
    expect(await mailsTo(claimed.email)).toHaveLength(0);
  });
});
