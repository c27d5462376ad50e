import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, statements } from '../../db/schema';
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

export type AccountToIssue = { accountId: string; timeZone: string } & Period & { hasUnissued: boolean; isWaiting: boolean };

// How long a cost line's transaction may take to commit: a line dated up to this long before the last run may have been
// invisible to it, so it is looked at again.
const WRITE_MARGIN = sql`interval '10 minutes'`;

// The accounts whose previous month the monthly issue must read: those it has not gone through since the month turned,
// and those where a cost line of that month was written since it last did (a session closed late). Each says whether a
// holder with charging in the month has no statement yet, and whether a session begun in the month is still open (its
// last part is written when it closes; one open a day past the month's end is not waited for).
export async function listAccountsToIssue(db: Executor, { now: at }: { now: Date }): Promise<AccountToIssue[]> {
  const now = at.toISOString();
  return db.execute<AccountToIssue>(sql`
    with clock as (
      select a.id, a.time_zone, a.statements_checked_at as checked_at,
        (date_trunc('month', ${now}::timestamptz at time zone a.time_zone))::date as this_month
      from accounts a
    ), periods as (
      select id, time_zone, checked_at, (this_month - interval '1 month')::date as period_from, this_month as period_to,
        ((this_month - interval '1 month')::timestamp at time zone time_zone) as period_start_at,
        (this_month::timestamp at time zone time_zone) as period_end_at
      from clock
    ), candidates as (
      select * from periods p
      where p.checked_at is null or p.checked_at < p.period_end_at or exists (
        select 1 from session_cost_lines w
        where w.account_id = p.id and w.created_at > p.checked_at - ${WRITE_MARGIN}
          and w.starts_at >= p.period_start_at and w.starts_at < p.period_end_at)
    )
    select c.id as "accountId", c.time_zone as "timeZone", c.period_from::text as "from", c.period_to::text as "to",
      exists (
        select 1 from session_cost_lines l join transactions t on t.id = l.transaction_id
        where l.account_id = c.id and l.starts_at >= c.period_start_at and l.starts_at < c.period_end_at
          and (t.user_id is not null or t.card_id is not null)
          and not exists (
            select 1 from statements s where s.account_id = c.id and s.period_start = c.period_from
              and s.user_id is not distinct from t.user_id
              and s.card_id is not distinct from (case when t.user_id is null then t.card_id end))
      ) as "hasUnissued",
      (${now}::timestamptz < c.period_end_at + interval '1 day' and exists (
        select 1 from transactions o where o.account_id = c.id and o.stopped_at is null and o.started_at < c.period_end_at)
      ) as "isWaiting"
    from candidates c`);
}

// The monthly issue went through the account's month as of `at`: until the month turns or a cost line is written, it
// need not read it again.
export async function markStatementsChecked(db: Executor, { accountId, at }: { accountId: string; at: Date }) {
  await db.update(accounts).set({ statementsCheckedAt: at }).where(eq(accounts.id, accountId));
}

export type StatementToEmail = { id: string; accountId: string; userId: string; periodStart: string; periodEnd: string; amount: string; currency: string | null; transferReference: string; status: string; byCard: boolean };

// Claims issued statements of members not e-mailed yet, each by one process (SKIP LOCKED); one issued over 40 days ago
// is no longer news. `byCard`: the member's saved card is being (or was) charged for it, so there is nothing to transfer. A claim whose e-mail failed is released for the next round.
export async function claimStatementsToEmail(db: Executor, { limit }: { limit: number }): Promise<StatementToEmail[]> {
  return db.execute<StatementToEmail>(sql`
    update statements s set emailed_at = now()
    where s.id in (
      select id from statements
      where emailed_at is null and user_id is not null and issued_at > now() - interval '40 days'
      order by issued_at limit ${limit} for update skip locked)
    returning s.id, s.account_id as "accountId", s.user_id as "userId", s.period_start::text as "periodStart",
      s.period_end::text as "periodEnd", s.amount::text as amount, s.currency, s.transfer_reference as "transferReference", s.status,
      exists (select 1 from payments p where p.statement_id = s.id and p.via = 'savedCard' and p.status in ('pending', 'paid')) as "byCard"`);
}

export async function releaseStatementEmail(db: Executor, { id }: { id: string }) {
  await db.execute(sql`update statements set emailed_at = null where id = ${id}`);
}
