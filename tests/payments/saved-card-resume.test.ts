// A saved-card charge the OCPP server claimed but never heard Stripe's answer for (it crashed, or something threw)
// does not leave the statement "being charged" for ever: the next sweep charges it again under the same idempotency key
// (so Stripe charges at most once), and a claim too old for Stripe to still know its key turns failed, so the member is
// told and can pay by checkout. One statement that throws does not stop the other members' cards being charged.
import { eq, sql as raw } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { outboxEmails, payments } from '@/db/schema';
import { claimCardCharge, listCardChargesToMake } from '@/domain/data/card-charges';
import { listIssuedStatements } from '@/domain/data/issued-statements';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeStatement, paymentsOf, statementRow } from './fixture';
import { cardSweepWorld } from './saved-card-support';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction } = await import('@/app/(app)/payments/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;
const cards = cardSweepWorld(db, 'sk_test_chargewatchResumeCard');
const { driverWithCard, sweep, intentsFor } = cards;

beforeAll(cards.start);
afterAll(async () => {
  await cards.close();
  await sql.end();
});

// The sweep claimed the statement's charge `ago` before now, then died before Stripe answered.
async function claimedThenCrashed(statementId: string, ago: string) {
  const candidate = (await listCardChargesToMake(db, { limit: 1000 })).find((row) => row.statementId === statementId)!;
  const chargeId = await claimCardCharge(db, candidate);
  expect(chargeId).not.toBeNull();
  await db.update(payments).set({ createdAt: raw`now() - ${ago}::interval` }).where(eq(payments.id, chargeId!));
}

describe('a saved-card charge claimed but never answered', () => {
  it('is charged by the next sweep, once at Stripe, and the statement turns paid', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '9.87' });
    await claimedThenCrashed(statement.id, '5 minutes');

    await sweep();
    await sweep();

    const intents = intentsFor(statement.id);
    expect(intents).toHaveLength(1);
    expect(intents[0]!.body).toMatchObject({ amount: 987, status: 'succeeded' });
    expect((await statementRow(db, statement.id)).status).toBe('paid');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ via: 'savedCard', status: 'paid', providerPaymentId: intents[0]!.id })]);
  });

  it('is left alone while it is fresh, as another server may be waiting for Stripe', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    await claimedThenCrashed(statement.id, '10 seconds');

    await sweep();

    expect(intentsFor(statement.id)).toEqual([]);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'pending', providerPaymentId: null })]);
  });

  it('turns failed once Stripe may have forgotten its key: the member is told once and can pay by checkout', async () => {
    const people = await driverWithCard();
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    await claimedThenCrashed(statement.id, '23 hours 30 minutes');

    await sweep();
    await sweep();

    expect(intentsFor(statement.id)).toEqual([]);
    expect((await statementRow(db, statement.id)).status).toBe('due');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ via: 'savedCard', status: 'failed', failureCode: 'noAnswer' })]);
    expect(await listIssuedStatements(db, { accountId: people.account.id, holder: { userId: people.driver.id } })).toEqual([expect.objectContaining({ id: statement.id, cardCharge: 'failed' })]);
    const mails = (await db.select().from(outboxEmails).where(eq(outboxEmails.to, people.driver.email))).filter((mail) => mail.subject.startsWith('Ihre Karte'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Der Zahlungsdienst war nicht erreichbar.');
    signInAs(people.driver);
    expect(await payStatementAction(idle, formData({ accountId: people.account.id, statementId: statement.id }))).toMatchObject({ status: 'ok' });
  });
});

describe('one statement that cannot be charged', () => {
  it('does not stop the next member’s card being charged', async () => {
    const broken = await driverWithCard();
    const first = await makeStatement(db, { accountId: broken.account.id, userId: broken.driver.id });
    const people = await driverWithCard();
    const second = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    // A real fault of the database for the first statement's claim only (its statement is issued first, so tried first).
    const trigger = `refuse_claim_${first.id.replaceAll('-', '')}`;
    await db.execute(raw.raw(`create function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$`));
    await db.execute(raw.raw(`create trigger ${trigger} before insert on payments for each row when (new.statement_id = '${first.id}') execute function ${trigger}()`));
    try {
      await sweep();
    } finally {
      await db.execute(raw.raw(`drop trigger ${trigger} on payments; drop function ${trigger}()`));
    }

    expect(intentsFor(second.id)).toHaveLength(1);
    expect((await statementRow(db, second.id)).status).toBe('paid');
    expect(intentsFor(first.id)).toEqual([]);
    expect(await paymentsOf(db, first.id)).toEqual([]);
  });
});
