import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { statements } from '../../db/schema';
import type { Holder } from '../statements/holder';
import type { Period } from '../statements/period';
import { isUniqueViolation } from './db-errors';

// Letters a person reads back from a bank statement without confusing them (no I, L, O, U, 0 or 1).
const REFERENCE_LETTERS = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newTransferReference(period: Period): string {
  const code = Array.from({ length: 6 }, () => REFERENCE_LETTERS[randomInt(REFERENCE_LETTERS.length)]).join('');
  return `CW-${period.from.slice(2, 4)}${period.from.slice(5, 7)}-${code}`;
}

type NewStatement = { accountId: string; holder: Holder; period: Period; sessionCount: number; energyWh: number; amount: string; currency: string | null };

// Once per holder, month and currency, whichever process or restart gets there first: the unique (account, user, card,
// period, currency) turns every later attempt into nothing. A reference already taken by another statement is drawn again.
export async function insertStatement(db: Executor, input: NewStatement): Promise<{ id: string } | null> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const [row] = await db
        .insert(statements)
        .values({
          accountId: input.accountId,
          userId: input.holder.userId ?? null,
          cardId: input.holder.cardId ?? null,
          periodStart: input.period.from,
          periodEnd: input.period.to,
          sessionCount: input.sessionCount,
          energyWh: input.energyWh,
          amount: input.amount,
          currency: input.currency,
          transferReference: newTransferReference(input.period),
        })
        .onConflictDoNothing({ target: [statements.accountId, statements.userId, statements.cardId, statements.periodStart, statements.currency] })
        .returning({ id: statements.id });
      return row ?? null;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export type AccountClock = { accountId: string; timeZone: string };

// Accounts whose previous month has a holder with charging and no statement yet, and no session still open that began
// in it (its last part is written when it closes); a session left open a day past the month's end is not waited for.
export async function listAccountsToIssue(db: Executor, { now: at }: { now: Date }): Promise<(AccountClock & Period)[]> {
  const now = at.toISOString();
  return db.execute<AccountClock & Period>(sql`
    with clock as (
      select a.id, a.time_zone, (date_trunc('month', ${now}::timestamptz at time zone a.time_zone))::date as this_month
      from accounts a
    ), periods as (
      select id, time_zone, (this_month - interval '1 month')::date as period_from, this_month as period_to,
        (this_month::timestamp at time zone time_zone) as period_end_at
      from clock
    )
    select p.id as "accountId", p.time_zone as "timeZone", p.period_from::text as "from", p.period_to::text as "to"
    from periods p
    where exists (
      select 1 from session_cost_lines l join transactions t on t.id = l.transaction_id
      where l.account_id = p.id and l.starts_at >= (p.period_from::timestamp at time zone p.time_zone) and l.starts_at < p.period_end_at
        and (t.user_id is not null or t.card_id is not null)
        and not exists (
          select 1 from statements s where s.account_id = p.id and s.period_start = p.period_from
            and s.user_id is not distinct from t.user_id
            and s.card_id is not distinct from (case when t.user_id is null then t.card_id end)))
      and (${now}::timestamptz >= p.period_end_at + interval '1 day' or not exists (
        select 1 from transactions o where o.account_id = p.id and o.stopped_at is null and o.started_at < p.period_end_at))`);
}

export type StatementToEmail = { id: string; accountId: string; userId: string; periodStart: string; periodEnd: string; amount: string; currency: string | null; transferReference: string; status: string };

// Claims issued statements of members not e-mailed yet, each by one process (SKIP LOCKED); one issued over 40 days ago
// is no longer news. A claim whose e-mail failed is released for the next round.
export async function claimStatementsToEmail(db: Executor, { limit }: { limit: number }): Promise<StatementToEmail[]> {
  return db.execute<StatementToEmail>(sql`
    update statements s set emailed_at = now()
    where s.id in (
      select id from statements
      where emailed_at is null and user_id is not null and issued_at > now() - interval '40 days'
      order by issued_at limit ${limit} for update skip locked)
    returning s.id, s.account_id as "accountId", s.user_id as "userId", s.period_start::text as "periodStart",
      s.period_end::text as "periodEnd", s.amount::text as amount, s.currency, s.transfer_reference as "transferReference", s.status`);
}

export async function releaseStatementEmail(db: Executor, { id }: { id: string }) {
  await db.execute(sql`update statements set emailed_at = null where id = ${id}`);
}
