import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  accounts,
  chargers,
  connectors,
  memberRole,
  memberships,
  notificationPreferences,
  notifications,
  pushSubscriptions,
  transactions,
  users,
  type NotificationKind,
} from '../../db/schema';
import { canManageAccount } from '../people/roles';

const MANAGER_ROLES = memberRole.enumValues.filter(canManageAccount);

// The channels a member wants `kind` by, one `channel` per row: their stored choice, else on (domain/notifications/
// audience.ts); push only while they have a browser subscribed, so a notification is never queued for nobody.
export function channelsWanted(kind: NotificationKind, userId: SQL, accountId: SQL) {
  return sql`select c.channel from (values ('email'::notification_channel), ('push'::notification_channel)) c(channel)
    left join ${notificationPreferences} p on p.user_id = ${userId} and p.account_id = ${accountId} and p.kind = ${kind}
    where case c.channel when 'email' then coalesce(p.is_email, true)
      else coalesce(p.is_push, true) and exists (select 1 from ${pushSubscriptions} s where s.user_id = ${userId}) end`;
}

// The owners and co-owners of `accountId`, each with a channel they want `kind` by, one (`user_id`, `channel`) per
// row; for a lateral join in a statement that records the event, so the notification is written in its transaction.
export function managersWanting(kind: NotificationKind, accountId: SQL) {
  return sql`select m.user_id, w.channel from ${memberships} m
    cross join lateral (${channelsWanted(kind, sql`m.user_id`, accountId)}) w
    where m.account_id = ${accountId} and m.role in (${sql.join(MANAGER_ROLES.map((role) => sql`${role}`), sql`, `)})`;
}

export function insertNotifications() {
  return sql`insert into ${notifications} (user_id, account_id, kind, payload, channel)`;
}

// For the user whose session it is, while a member of its account, when its card (or the app) was accepted: any
// StartTransaction, also one that comes after the app had given up waiting for it.
export async function queueSessionStarted(tx: Executor, { transactionId }: { transactionId: number }) {
  await tx.execute(sessionStartedInsert(sql`(select * from ${transactions} where id = ${transactionId})`));
}

// The same from `started`, rows shaped like transactions' (id, user_id, account_id, charger_id, connector_id,
// authorization_status): a CTE of the insert that started them, which a select of transactions would not yet see.
export function sessionStartedInsert(started: SQL) {
  return sql`${insertNotifications()}
    select t.user_id, t.account_id, 'session-started', jsonb_build_object(
      'transactionId', t.id, 'chargerName', ch.name, 'accountName', a.name, 'connectorId', t.connector_id), w.channel
    from ${started} t join ${chargers} ch on ch.id = t.charger_id join ${accounts} a on a.id = t.account_id
    join ${memberships} m on m.account_id = t.account_id and m.user_id = t.user_id
    cross join lateral (${channelsWanted('session-started', sql`t.user_id`, sql`t.account_id`)}) w
    where t.authorization_status = 'Accepted'`;
}

// For the user whose session this was, while a member of its account; the figures as they were at the stop.
export async function queueSessionFinished(tx: Executor, { transactionId }: { transactionId: number }) {
  await tx.execute(sessionFinishedInsert(sql`(select * from ${transactions} where id = ${transactionId})`));
}

// The same from `finished`, rows shaped like transactions' (id, user_id, account_id, charger_id, energy_wh,
// started_at, stopped_at, cost, currency): the RETURNING of the update that closed them, which a select of transactions
// in the same statement would see as still open.
export function sessionFinishedInsert(finished: SQL) {
  return sql`${insertNotifications()}
    select t.user_id, t.account_id, 'session-finished', jsonb_build_object(
      'transactionId', t.id, 'chargerName', ch.name, 'accountName', a.name, 'energyWh', t.energy_wh,
      'startedAt', t.started_at, 'stoppedAt', t.stopped_at, 'cost', t.cost, 'currency', t.currency), w.channel
    from ${finished} t join ${chargers} ch on ch.id = t.charger_id join ${accounts} a on a.id = t.account_id
    join ${memberships} m on m.account_id = t.account_id and m.user_id = t.user_id
    cross join lateral (${channelsWanted('session-finished', sql`t.user_id`, sql`t.account_id`)}) w`;
}

// To the account's managers who want it, about someone who joined or left (never to that person themselves).
export async function queueMemberChange(tx: Executor, { accountId, userId, kind }: { accountId: string; userId: string; kind: 'member-joined' | 'member-left' }) {
  const account = sql`${accountId}::uuid`;
  await tx.execute(sql`${insertNotifications()}
    select r.user_id, a.id, ${kind}, jsonb_build_object('memberName', u.name, 'memberEmail', u.email, 'accountName', a.name), r.channel
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
      'accountName', a.name, 'connectorId', s.connector_id, 'errorCode', s.error_code), r.channel
    from ${source} s join ${chargers} ch on ch.id = s.charger_id join ${accounts} a on a.id = s.account_id
    cross join lateral (${managersWanting('charger-faulted', sql`s.account_id`)}) r
    where s.status = 'Faulted' and not exists (select 1 from ${connectors} c where c.charger_id = s.charger_id
      and c.connector_id = s.connector_id and c.status = 'Faulted' and c.error_code is not distinct from s.error_code)`;
}

// For a statement whose CTE `source` (charger_id, account_id) names chargers: a `kind` notification about each to the
// account's managers who want it, with `extra` (a jsonb) added to the charger's and account's names.
export function chargerNotificationsInsert(kind: 'charger-offline' | 'charger-back', source: SQL, extra: SQL = sql`'{}'::jsonb`) {
  return sql`${insertNotifications()}
    select r.user_id, s.account_id, ${kind}, jsonb_build_object('chargerId', ch.id, 'chargerName', ch.name, 'accountName', a.name) || ${extra}, r.channel
    from ${source} s join ${chargers} ch on ch.id = s.charger_id join ${accounts} a on a.id = s.account_id
    cross join lateral (${managersWanting(kind, sql`s.account_id`)}) r`;
}
