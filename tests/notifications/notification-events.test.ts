// Session started, charger offline and back: the events over real sockets, the OCPP server's sweep and dispatcher,
// the e-mail in the local outbox in the recipient's language.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, notificationPreferences, notifications, outboxEmails, users } from '@/db/schema';
import { makeCard } from '@/db/seed/builders';
import { waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, transactionAnswered } from '@/ocpp-server/test/simulators';
import { chargingSuite } from '../charge/charging-suite';

const { db, setup, server } = chargingSuite({ notificationPollMs: 100 });

const mailsTo = (address: string) => db.select().from(outboxEmails).where(eq(outboxEmails.to, address));
const noticesOf = (userId: string, kind: 'charger-offline' | 'charger-back' | 'session-started') =>
  db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

async function goOffline({ simulator, chargerId, minutesAgo }: { simulator: Awaited<ReturnType<typeof setup>>['simulator']; chargerId: string; minutesAgo: number }) {
  await simulator.stop();
  await waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, chargerId), eq(chargers.isOnline, false))))[0]);
  await db.update(chargers).set({ disconnectedAt: new Date(Date.now() - minutesAgo * 60_000) }).where(eq(chargers.id, chargerId));
}

describe('notification events', () => {
  it('tells the driver their session started, in their language, and not someone who turned it off', async () => {
    const { account, owner, member, simulator } = await setup();
    await db.update(users).set({ locale: 'es', name: 'Lucía' }).where(eq(users.id, member.id));
    await db.insert(notificationPreferences).values({ userId: owner.id, accountId: account.id, kind: 'session-started', isEmail: false, isPush: false });
    const [memberCard, ownerCard] = [await makeCard(db, { accountId: account.id, userId: member.id, kind: 'physical' }), await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'physical' })];

    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    expect(await simulator.startSession(1, memberCard.idTag)).toBe(true);
    const transactionId = await started;
    const ownersStarted = transactionAnswered(simulator, 'transactionStarted', 2);
    expect(await simulator.startSession(2, ownerCard.idTag)).toBe(true);
    await ownersStarted;

    const mail = await waitFor(async () => (await mailsTo(member.email))[0]);
    expect(mail.subject).toBe('Carga iniciada en Test charger');
    expect(mail.text).toContain('conector 1');
    expect(mail.text).toContain(`/sessions/${transactionId}`);
    // Queued in the start's own transaction, committed before the charger is answered.
    expect(await noticesOf(owner.id, 'session-started')).toHaveLength(0);
  });

  it('tells the owners once when a charger stays offline past the delay, and again when it is back', async () => {
    const { owner, charger, simulator } = await setup();
    await db.update(users).set({ locale: 'de' }).where(eq(users.id, owner.id));
    await goOffline({ simulator, chargerId: charger.id, minutesAgo: 11 });

    await server().offlineNoticeSweep.run();
    await server().offlineNoticeSweep.run();
    const offline = await waitFor(async () => (await mailsTo(owner.email))[0]);
    expect(offline.subject).toBe('Test charger ist offline');
    expect(offline.text).toContain('seit 11 Minuten offline');
    expect(await noticesOf(owner.id, 'charger-offline')).toHaveLength(1);

    await startSimulator(server(), { identity: charger.identity, connectors: 2 });
    const back = await waitFor(async () => (await mailsTo(owner.email)).find((mail) => mail.subject === 'Test charger ist wieder online'));
    expect(back.text).toContain(`/chargers/${charger.id}`);
  });

  it('says nothing of a short outage, neither offline nor back', async () => {
    const { owner, charger, simulator } = await setup();
    await goOffline({ simulator, chargerId: charger.id, minutesAgo: 5 });
    await server().offlineNoticeSweep.run();

    await startSimulator(server(), { identity: charger.identity, connectors: 2 });
    await waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, charger.id), eq(chargers.isOnline, true))))[0]);
    expect(await noticesOf(owner.id, 'charger-offline')).toHaveLength(0);
    expect(await noticesOf(owner.id, 'charger-back')).toHaveLength(0);
  });
});
