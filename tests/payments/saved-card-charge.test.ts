// The OCPP server's statement sweep charges a member's saved card off session for their newly issued statement,
// against the Stripe stub over HTTP, and the stub's signed webhook, heard by the platform's route, marks it paid; a
// declined card leaves it due and the member is e-mailed in their language.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { outboxEmails, paymentWebhookEvents } from '@/db/schema';
import { claimCardCharge, listCardChargesToMake } from '@/domain/data/card-charges';
import { listIssuedStatements } from '@/domain/data/issued-statements';
import { listDueStatementsOf } from '@/domain/data/payments';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeStatement, paymentsOf, statementRow } from './fixture';
import { cardSweepWorld, saveCardThroughStub } from './saved-card-support';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction } = await import('@/app/(app)/payments/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;
const cards = cardSweepWorld(db, 'sk_test_chargewatchSweepCard');
const { driverWithCard, sweep, intentsFor } = cards;

beforeAll(cards.start);
afterAll(async () => {
  await cards.close();
  await sql.end();
});
// The decline e-mails a member got (the statement's own e-mail goes out in the same sweep).
const statementMailsTo = async (email: string) => (await db.select().from(outboxEmails).where(eq(outboxEmails.to, email))).filter((mail) => mail.subject.startsWith('Ihre Ladeabrechnung'));
const mailsTo = async (email: string) => (await db.select().from(outboxEmails).where(eq(outboxEmails.to, email))).filter((mail) => mail.subject.startsWith('Ihre Karte'));

describe('charging saved cards when statements are issued', () => {
  it('charges the card off session once, and the webhook marks the statement paid', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '12.34' });

    await sweep();

    const [intent] = intentsFor(statement.id);
    expect(intent!.body).toMatchObject({ amount: 1234, currency: 'eur', off_session: true, status: 'succeeded' });
    expect(cards.world().stub.delivered.find((delivery) => delivery.type === 'payment_intent.succeeded' && delivery.endpoint === cards.world().webhookUrl(people.account.id))).toMatchObject({ status: 200 });
    const paid = await statementRow(db, statement.id);
    expect(paid.status).toBe('paid');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ via: 'savedCard', status: 'paid', amount: '12.34', providerPaymentId: intent!.id })]);

    await sweep();
    expect(intentsFor(statement.id)).toHaveLength(1);
    expect(await paymentsOf(db, statement.id)).toHaveLength(1);
    expect((await statementRow(db, statement.id)).paidAt).toEqual(paid.paidAt);
  });

  it('says in the statement e-mail that the saved card is charged, not to pay by transfer; a declined one still asks for the transfer', async () => {
    const people = await driverWithCard();
    const charged = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '12.34' });
    const declined = await driverWithCard('4000 0000 0000 0002');
    const due = await makeStatement(db, { accountId: declined.account.id, userId: declined.driver.id, amount: '8.00' });

    await sweep();

    const [mail] = await statementMailsTo(people.driver.email);
    expect(mail!.text).toContain('Betrag: 12,34\u00a0€. Er wird von der Karte abgebucht, die Sie für die monatliche Abrechnung gespeichert haben; Sie müssen nichts tun.');
    expect(mail!.text).not.toContain('Überweisung');
    expect(mail!.text).not.toContain(charged.transferReference);
    const [dueMail] = await statementMailsTo(declined.driver.email);
    expect(dueMail!.text).toContain(`Fälliger Betrag: 8,00\u00a0€. Bitte geben Sie bei der Überweisung den Verwendungszweck ${due.transferReference} an.`);
  });

  it('changes nothing when the payment_intent.succeeded webhook arrives again', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '3.10' });
    await sweep();
    const { eventId } = cards.world().stub.delivered.findLast((delivery) => delivery.type === 'payment_intent.succeeded')!;
    const before = { statement: await statementRow(db, statement.id), payments: await paymentsOf(db, statement.id) };

    await Promise.all([cards.world().stub.deliver(eventId), cards.world().stub.deliver(eventId)]);

    expect(cards.world().stub.delivered.slice(-2).map((delivery) => delivery.status)).toEqual([200, 200]);
    expect({ statement: await statementRow(db, statement.id), payments: await paymentsOf(db, statement.id) }).toEqual(before);
    expect(await db.select().from(paymentWebhookEvents).where(and(eq(paymentWebhookEvents.eventId, eventId), eq(paymentWebhookEvents.accountId, people.account.id)))).toHaveLength(1);
  });

  it('leaves a declined statement due, tells the member once by e-mail in their language, and lets them pay by checkout', async () => {
    const people = await driverWithCard('4000 0000 0000 0002');
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '8.00' });

    await sweep();
    await sweep();

    expect((await statementRow(db, statement.id)).status).toBe('due');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ via: 'savedCard', status: 'failed', failureCode: 'card_declined' })]);
    // What the statement page and the Payments page read to say the automatic charge failed.
    const scope = { accountId: people.account.id };
    expect(await listIssuedStatements(db, { ...scope, holder: { userId: people.driver.id } })).toEqual([expect.objectContaining({ id: statement.id, cardCharge: 'failed' })]);
    expect(await listDueStatementsOf(db, { ...scope, userId: people.driver.id })).toEqual([expect.objectContaining({ id: statement.id, cardCharge: 'failed' })]);
    const mails = await mailsTo(people.driver.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Ihre Karte wurde für .+ nicht belastet/);
    expect(mails[0]!.text).toContain('Ihre Bank hat die Karte abgelehnt.');
    expect(mails[0]!.text).toContain(`/statements/user-${people.driver.id}?month=${statement.periodStart.slice(0, 7)}`);
    signInAs(people.driver);
    expect(await payStatementAction(idle, formData({ accountId: people.account.id, statementId: statement.id }))).toMatchObject({ status: 'ok' });
  });

  it('says the bank wanted the member to confirm, for a card that needs authentication', async () => {
    const people = await driverWithCard('4000 0027 6000 3184');
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });

    await sweep();

    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'failed', failureCode: 'authentication_required' })]);
    expect((await mailsTo(people.driver.email))[0]!.text).toContain('Ihre Bank wollte die Zahlung von Ihnen bestätigen lassen');
  });

  it('refuses Pay by checkout in words while the card is being charged', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    const candidate = (await listCardChargesToMake(db, { limit: 1000 })).find((row) => row.statementId === statement.id)!;
    expect(await claimCardCharge(db, candidate)).not.toBeNull();

    signInAs(people.driver);
    expect(await payStatementAction(idle, formData({ accountId: people.account.id, statementId: statement.id }))).toEqual({ status: 'error', formError: 'statementChargingSavedCard' });
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ via: 'savedCard', status: 'pending' })]);
    expect(await listIssuedStatements(db, { accountId: people.account.id, holder: { userId: people.driver.id } })).toEqual([expect.objectContaining({ id: statement.id, cardCharge: 'pending' })]);
  });

  it('does not charge a statement whose checkout is open, nor one issued before the card was saved', async () => {
    const people = await driverWithCard();
    const open = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    signInAs(people.driver);
    expect(await payStatementAction(idle, formData({ accountId: people.account.id, statementId: open.id }))).toMatchObject({ status: 'ok' });
    const earlier = await makeStatement(db, { accountId: people.account.id, userId: people.otherDriver.id });
    await saveCardThroughStub(cards.world(), { accountId: people.account.id, member: people.otherDriver });

    await sweep();

    expect(intentsFor(open.id)).toEqual([]);
    expect(intentsFor(earlier.id)).toEqual([]);
    expect(await paymentsOf(db, earlier.id)).toEqual([]);
  });
});
