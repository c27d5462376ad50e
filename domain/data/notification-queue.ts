import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, chargers, connectors, memberships, notificationPreferences, notifications, transactions, users, type NotificationKind } from '../../db/schema';

// Whether a member wants this kind by e-mail: their stored choice, else on (domain/notifications/audience.ts).
function wants(kind: NotificationKind, userId: SQL, accountId: SQL) {
  return sql`coalesce((select ${notificationPreferences.isEmail} from ${notificationPreferences}
    where ${notificationPreferences.userId} = ${userId} and ${notificationPreferences.accountId} = ${accountId}
    and ${notificationPreferences.kind} = ${kind}), true)`;
}

// The owners and co-owners of `accountId` who want `kind`, one `user_id` per row; for a lateral join in a statement
// that records the event, so the notification is written in the event's own transaction.
export function managersWanting(kind: NotificationKind, accountId: SQL) {
  return sql`select m.user_id from ${memberships} m where m.account_id = ${accountId} and m.role in ('owner', 'member')
    and ${wants(kind, sql`m.user_id`, accountId)}`;
}

export function insertNotifications() {
  return sql`insert into ${notifications} (user_id, account_id, kind, payload)`;
}

// For the user whose session this was, while a member of its account; the figures as they were at the stop.
export async function queueSessionFinished(tx: Executor, { transactionId }: { transactionId: number }) {
  await tx.execute(sql`${insertNotifications()}
    select t.user_id, t.account_id, 'session-finished', jsonb_build_object(
      'transactionId', t.id, 'chargerName', ch.name, 'accountName', a.name, 'energyWh', t.energy_wh,
      'startedAt', t.started_at, 'stoppedAt', t.stopped_at, 'cost', t.cost, 'currency', t.currency)
    from ${transactions} t join ${chargers} ch on ch.id = t.charger_id join ${accounts} a on a.id = t.account_id
    join ${memberships} m on m.account_id = t.account_id and m.user_id = t.user_id
    where t.id = ${transactionId} and ${wants('session-finished', sql`t.user_id`, sql`t.account_id`)}`);
}

// To the account's managers who want it, about someone who joined or left (never to that person themselves).
export async function queueMemberChange(tx: Executor, { accountId, userId, kind }: { accountId: string; userId: string; kind: 'member-joined' | 'member-left' }) {
  const account = sql`${accountId}::uuid`;
  await tx.execute(sql`${insertNotifications()}
    select r.user_id, a.id, ${kind}, jsonb_build_object('memberName', u.name, 'memberEmail', u.email, 'accountName', a.name)
    from ${accounts} a join ${users} u on u.id = ${userId}
    cross join lateral (${managersWanting(kind, account)}) r
    where a.id = ${account} and r.user_id <> ${userId}`);
}

// For recordConnectorStatuses: from `source` (charger_id, account_id, connector_id, status, error_code), a notification
// to each manager for a connector that turns Faulted, or Faulted with another error code. The statement's snapshot
// still holds the stored status, so a charger repeating the same fault is not heard twice.
export function faultNotificationsInsert(source: SQL) {
  return sql`${insertNotifications()}
    select r.user_id, s.account_id, 'charger-faulted', jsonb_build_object('chargerId', ch.id, 'chargerName', ch.name,
      'accountName', a.name, 'connectorId', s.connector_id, 'errorCode', s.error_code)
    from ${source} s join ${chargers} ch on ch.id = s.charger_id join ${accounts} a on a.id = s.account_id
    cross join lateral (${managersWanting('charger-faulted', sql`s.account_id`)}) r
    where s.status = 'Faulted' and not exists (select 1 from ${connectors} c where c.charger_id = s.charger_id
      and c.connector_id = s.connector_id and c.status = 'Faulted' and c.error_code is not distinct from s.error_code)`;
}
