import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Locale } from '../../db/schema';
import type { Holder } from '../statements/holder';
import type { Period } from '../statements/period';
import { linesInPeriod } from './statement-sessions';

export type HolderInfo = { name: string; email: string | null; locale: Locale | null; reimbursementEmail: string | null; idTag: string | null };

// A member of the account (or one who charged in it before leaving), or one of its cards; null for anyone else's.
export async function getStatementHolder(db: Executor, { accountId, holder }: { accountId: string; holder: Holder }): Promise<HolderInfo | null> {
  if (holder.userId) {
    const [row] = await db.execute<HolderInfo>(sql`
      select u.name, u.email, u.locale, m.reimbursement_email as "reimbursementEmail", null as "idTag"
      from users u left join memberships m on m.user_id = u.id and m.account_id = ${accountId}
      where u.id = ${holder.userId}
        and (m.user_id is not null or exists (select 1 from transactions t where t.account_id = ${accountId} and t.user_id = u.id))`);
    return row ?? null;
  }
  const [row] = await db.execute<HolderInfo>(sql`
    select coalesce(nullif(k.label, ''), k.id_tag) as name, null as email, null as locale, null as "reimbursementEmail", k.id_tag as "idTag"
    from cards k where k.id = ${holder.cardId} and k.account_id = ${accountId}`);
  return row ?? null;
}

export type HolderWithSessions = Holder & { name: string };

// Everyone who has a part in the period: members by their sessions, cards linked to nobody by theirs.
export async function listHoldersWithSessions(db: Executor, { accountId, period, timeZone }: { accountId: string; period: Period; timeZone: string }) {
  const rows = await db.execute<{ userId: string | null; cardId: string | null; name: string }>(sql`
    select distinct t.user_id as "userId", case when t.user_id is null then t.card_id end as "cardId",
      coalesce(u.name, nullif(k.label, ''), k.id_tag) as name
    from session_cost_lines l
    join transactions t on t.id = l.transaction_id
    left join users u on u.id = t.user_id
    left join cards k on k.id = t.card_id
    where l.account_id = ${accountId} and (t.user_id is not null or t.card_id is not null) and ${linesInPeriod({ period, timeZone })}
    order by name`);
  return rows.map((row): HolderWithSessions => (row.userId ? { userId: row.userId, name: row.name } : { cardId: row.cardId!, name: row.name }));
}


export type AccountHolder = { userId: string | null; cardId: string | null; name: string; detail: string | null };

// Whose statements an owner looks at: every member, every card linked to nobody, and whoever else has an issued
// statement here (a member since gone); members first, by name.
export async function listAccountHolders(db: Executor, { accountId }: { accountId: string }): Promise<AccountHolder[]> {
  return db.execute<AccountHolder>(sql`
    select u.id as "userId", null::uuid as "cardId", u.name, u.email as detail, 0 as kind from users u
    where u.id in (select user_id from memberships where account_id = ${accountId}
      union select user_id from statements where account_id = ${accountId} and user_id is not null)
    union all
    select null, k.id, coalesce(nullif(k.label, ''), k.id_tag), k.id_tag, 1 from cards k
    where k.account_id = ${accountId} and ((k.user_id is null and k.deleted_at is null)
      or k.id in (select card_id from statements where account_id = ${accountId} and card_id is not null))
    order by kind, name`);
}

// Where a member's monthly statements go as well; null takes the address away.
export async function setReimbursementEmail(db: Executor, { accountId, userId, email }: { accountId: string; userId: string; email: string | null }) {
  await db.execute(sql`update memberships set reimbursement_email = ${email} where account_id = ${accountId} and user_id = ${userId}`);
}
