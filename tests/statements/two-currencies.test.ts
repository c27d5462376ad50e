import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { statements } from '@/db/schema';
import { createLogger } from '@/ocpp-server/src/logger';
import { issueMonthlyStatements } from '@/domain/statements/monthly-issue';
import { addCostedSession, statementsFixture } from './builders';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
afterAll(() => sql.end());
const log = createLogger('silent');

// The fixture's account is on Vilnius time (UTC+2 in February): 1 March begins at 22:00 UTC on 28 February.
const FIRST_OF_MARCH = new Date('2026-03-01T12:00:00Z');

describe('a month charged in two currencies (the account changed its currency mid-month)', () => {
  it('is issued as one statement per currency, each with its own sessions and amount, once however often the sweep runs', async () => {
    const f = await statementsFixture(db);
    const scope = { accountId: f.account.id, chargerId: f.charger.id, userId: f.driver.id };
    await addCostedSession(db, { ...scope, currency: 'EUR', lines: [{ startsAt: '2026-02-03T06:00:00Z', endsAt: '2026-02-03T07:00:00Z', energyWh: 4_000, cost: '1.10' }] });
    await addCostedSession(db, { ...scope, currency: 'EUR', lines: [{ startsAt: '2026-02-05T06:00:00Z', endsAt: '2026-02-05T07:00:00Z', energyWh: 3_000, cost: '0.85' }] });
    await addCostedSession(db, { ...scope, currency: 'PLN', lines: [{ startsAt: '2026-02-20T06:00:00Z', endsAt: '2026-02-20T07:00:00Z', energyWh: 5_000, cost: '6.05' }] });

    await Promise.all([issueMonthlyStatements(db, { now: FIRST_OF_MARCH, log }), issueMonthlyStatements(db, { now: FIRST_OF_MARCH, log })]);
    await issueMonthlyStatements(db, { now: FIRST_OF_MARCH, log });

    const issued = await db.select().from(statements).where(eq(statements.accountId, f.account.id));
    expect(issued.map((s) => [s.periodStart, s.currency, s.amount, s.sessionCount, s.energyWh, s.status]).sort()).toEqual([
      ['2026-02-01', 'EUR', '1.95', 2, 7_000, 'due'],
      ['2026-02-01', 'PLN', '6.05', 1, 5_000, 'due'],
    ]);
    expect(new Set(issued.map((s) => s.transferReference)).size).toBe(2);
  });
});
