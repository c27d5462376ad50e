// The monthly issue runs every few minutes on every OCPP server, so it reads an account's month again only when the
// month has turned since it last went through it, or when a cost line was written since (a session that closed late,
// a charger that reported offline charging days later): it still issues every statement due, and leaves alone an
// account it has gone through with nothing written since.
import { and, eq, sql as raw } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { sessionCostLines, statements } from '@/db/schema';
import { issueMonthlyStatements } from '@/domain/statements/monthly-issue';
import { createLogger } from '@/ocpp-server/src/logger';
import { addCostedSession, statementsFixture } from './builders';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
afterAll(() => sql.end());
const log = createLogger('silent');

// Vilnius is UTC+3 in summer: 1 April begins at 21:00 UTC on 31 March.
const FIRST_OF_APRIL = new Date('2026-03-31T21:30:00Z');
const FIFTH_OF_APRIL = new Date('2026-04-05T09:00:00Z');
const SIXTH_OF_APRIL = new Date('2026-04-06T09:00:00Z');

let f: Awaited<ReturnType<typeof statementsFixture>>;
const holdersIssued = async () =>
  (await db.select({ userId: statements.userId, cardId: statements.cardId }).from(statements).where(eq(statements.accountId, f.account.id))).map((s) => s.userId ?? s.cardId).sort();
// Each line written at a time of the test's calendar, as the sweep's clock is.
const writtenAt = (transactionId: number, at: string) => db.execute(raw`update session_cost_lines set created_at = ${at}::timestamptz where transaction_id = ${transactionId}`);
const march = (day: string) => ({ startsAt: `2026-03-${day}T06:00:00Z`, endsAt: `2026-03-${day}T07:00:00Z`, energyWh: 2_000, cost: '0.50' });

beforeAll(async () => {
  f = await statementsFixture(db);
  const session = await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, userId: f.driver.id, lines: [march('10')] });
  await writtenAt(session.id, '2026-03-10T07:00:00Z');
  await issueMonthlyStatements(db, { now: FIRST_OF_APRIL, log });
});

describe('the monthly issue, run again and again', () => {
  it('issues the statement of a session written into last month after the month was issued', async () => {
    expect(await holdersIssued()).toEqual([f.driver.id]);
    // The charger was offline: the session of 20 March is reported, and its lines written, on 4 April.
    const late = await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, cardId: f.poolCard.id, lines: [march('20')] });
    await writtenAt(late.id, '2026-04-04T12:00:00Z');
    await issueMonthlyStatements(db, { now: FIFTH_OF_APRIL, log });
    expect(await holdersIssued()).toEqual([f.driver.id, f.poolCard.id].sort());
  });

  it('does not read again an account it went through, when no cost line was written there since', async () => {
    // A line that bypassed the way lines are written: dated before the last run, it is not looked for.
    const session = await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, userId: f.owner.id, lines: [march('25')] });
    await writtenAt(session.id, FIRST_OF_APRIL.toISOString());
    await issueMonthlyStatements(db, { now: SIXTH_OF_APRIL, log });
    expect(await holdersIssued()).toEqual([f.driver.id, f.poolCard.id].sort());
    expect(await db.select().from(sessionCostLines).where(and(eq(sessionCostLines.transactionId, session.id)))).toHaveLength(1);
    // Once the month turns, the account is gone through whole again: its lines of May are issued in June.
    const may = await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, userId: f.owner.id, lines: [{ ...march('25'), startsAt: '2026-05-25T06:00:00Z', endsAt: '2026-05-25T07:00:00Z' }] });
    await writtenAt(may.id, '2026-05-25T07:00:00Z');
    // (Other test files' accounts share the database: what this account was issued is asked, not the run's count.)
    await issueMonthlyStatements(db, { now: new Date('2026-06-01T09:00:00Z'), log });
    const ofMay = await db.select({ userId: statements.userId }).from(statements).where(and(eq(statements.accountId, f.account.id), eq(statements.periodStart, '2026-05-01')));
    expect(ofMay).toEqual([{ userId: f.owner.id }]);
  });
});
