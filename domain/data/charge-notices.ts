import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Locale } from '../../db/schema/locales';

export type FailedCharge = {
  id: string;
  statementId: string;
  accountId: string;
  accountName: string;
  userId: string | null;
  cardId: string | null;
  email: string;
  name: string;
  locale: Locale;
  periodStart: string;
  amount: string;
  currency: string;
  failureCode: string;
};

// Claims failed saved-card charges whose member has not been told yet, each by one process (SKIP LOCKED). One whose
// statement was paid since (by checkout, or by hand) is no news and is left untold.
export async function claimFailedChargesToTell(db: Executor, { limit }: { limit: number }): Promise<FailedCharge[]> {
  return db.execute<FailedCharge>(sql`
    with claimed as (
      update payments p set failure_told_at = now()
      where p.id in (
        select id from payments
        where via = 'savedCard' and status = 'failed' and failure_told_at is null and created_at > now() - interval '40 days'
        order by created_at limit ${limit} for update skip locked)
      returning p.id, p.statement_id, p.account_id, p.started_by, p.amount, p.currency, p.failure_code)
    select c.id, c.statement_id as "statementId", c.account_id as "accountId", a.name as "accountName", s.user_id as "userId",
      s.card_id as "cardId", u.email, u.name, u.locale, s.period_start::text as "periodStart", c.amount::text as amount, c.currency,
      c.failure_code as "failureCode"
    from claimed c
    join statements s on s.id = c.statement_id and s.status = 'due'
    join accounts a on a.id = c.account_id
    join users u on u.id = c.started_by`);
}

export async function releaseFailedCharge(db: Executor, { id }: { id: string }) {
  await db.execute(sql`update payments set failure_told_at = null where id = ${id}`);
}
