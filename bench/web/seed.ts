import type { Sql } from 'postgres';
import { newToken } from '../../domain/crypto/token';

export type SeedSizes = { chargers: number; sessions: number; meterValuesPerSession: number; cards: number };
export type SeededAccount = { userId: string; sessionToken: string; accountId: string; chargerId: string; sessionId: number };

const SESSION_SPACING_MINUTES = 5;

// Set-based inserts (generate_series), so 2,000,000 meter values take seconds, not an hour of round trips.
export async function seedAccount(sql: Sql, sizes: SeedSizes): Promise<SeededAccount> {
  const tag = Math.random().toString(36).slice(2, 8);
  const [user] = await sql<{ id: string }[]>`
    insert into users (email, name, password_hash, email_verified_at)
    values (${`bench-${tag}@example.test`}, 'Bench Owner', 'unusable', now())
    returning id`;
  // The login the measured requests belong to (lib/session.ts checks this row on each of them).
  const session = newToken();
  await sql`insert into user_sessions (user_id, token_hash, expires_at) values (${user!.id}, ${session.tokenHash}, now() + interval '1 day')`;
  const [account] = await sql<{ id: string }[]>`insert into accounts (name) values (${`Bench ${tag}`}) returning id`;
  await sql`insert into memberships (account_id, user_id, role) values (${account!.id}, ${user!.id}, 'owner')`;
  await sql`
    insert into chargers (account_id, identity, name, connector_count)
    select ${account!.id}, ${`WEB-${tag}-`} || g, 'Charger ' || g, 2 from generate_series(1, ${sizes.chargers}::int) g`;
  await sql`
    insert into cards (account_id, id_tag, kind, label)
    select ${account!.id}, ${`BENCH${tag}`.toUpperCase()} || g, 'physical', 'Card ' || g from generate_series(1, ${sizes.cards}::int) g`;
  await sql`
    with charger_list as (select array_agg(id order by identity) as ids from chargers where account_id = ${account!.id}),
         card_list as (select array_agg(id order by id_tag) as ids, array_agg(id_tag order by id_tag) as tags from cards where account_id = ${account!.id})
    insert into transactions (charger_id, account_id, connector_id, card_id, user_id, id_tag, authorization_status, meter_start_wh, meter_stop_wh,
                              started_at, stopped_at, stop_reason, energy_wh, cost, currency, price_per_kwh)
    select charger_list.ids[1 + g % ${sizes.chargers}::int], ${account!.id}, 1 + g % 2, card_list.ids[1 + g % ${sizes.cards}::int], ${user!.id},
           card_list.tags[1 + g % ${sizes.cards}::int], 'Accepted', g * 10, g * 10 + 7400,
           now() - make_interval(mins => g * ${SESSION_SPACING_MINUTES}), now() - make_interval(mins => g * ${SESSION_SPACING_MINUTES}) + interval '1 hour',
           'Local', 7400, 2.22, 'EUR', 0.30
    from generate_series(1, ${sizes.sessions}::int) g, charger_list, card_list`;
  // Each month of the sessions' readings in its partition, as the OCPP server's sweep would have made it by then.
  await sql`
    select meter_values_ensure_month(now() - make_interval(months => m))
    from generate_series(0, ${Math.ceil((sizes.sessions * SESSION_SPACING_MINUTES) / (28 * 24 * 60)) + 1}::int) m`;
  await sql`
    insert into meter_values (transaction_id, charger_id, connector_id, sampled_at, measurand, unit, context, value, numeric_value)
    select t.id, t.charger_id, t.connector_id, t.started_at + make_interval(secs => k * 3600.0 / ${sizes.meterValuesPerSession}::int),
           'Energy.Active.Import.Register', 'Wh', 'Sample.Periodic', (t.meter_start_wh + k * 7400 / ${sizes.meterValuesPerSession}::int)::text,
           t.meter_start_wh + k * 7400 / ${sizes.meterValuesPerSession}::int
    from transactions t join chargers c on c.id = t.charger_id and c.account_id = ${account!.id},
         generate_series(1, ${sizes.meterValuesPerSession}::int) k`;
  await sql`analyze`;
  const [sample] = await sql<{ chargerId: string; sessionId: number }[]>`
    select t.charger_id as "chargerId", t.id as "sessionId" from transactions t
    join chargers c on c.id = t.charger_id where c.account_id = ${account!.id} order by t.id limit 1`;
  return { userId: user!.id, sessionToken: session.token, accountId: account!.id, chargerId: sample!.chargerId, sessionId: sample!.sessionId };
}
