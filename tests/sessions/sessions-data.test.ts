import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { getSession, getSessionTotals, listSessionFilterOptions, listSessionMeterValues, listSessions } from '@/domain/data/sessions';
import { parseSessionFilters, type SessionFilters } from '@/lib/sessions/filters';
import { addSession } from './builders';
import { sessionsFixture } from './fixture';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

let fixture: Awaited<ReturnType<typeof sessionsFixture>>;
beforeAll(async () => {
  fixture = await sessionsFixture(db);
});

const utc = () => ({ accountId: fixture.account.id, timeZone: 'UTC' });
const filters = (params: Record<string, string> = {}): SessionFilters => parseSessionFilters(params);
const ids = async (params: Record<string, string>, timeZone = 'UTC') =>
  (await listSessions(db, { ...utc(), timeZone, filters: filters(params) })).sessions.map((session) => session.id).sort();

// What the meter values say each session delivered: last register reading minus meter start.
async function energyFromMeterValues(accountId: string) {
  const [row] = await sql`
    select coalesce(sum(last_wh - t.meter_start_wh), 0)::float8 as wh from transactions t
    join chargers c on c.id = t.charger_id and c.account_id = ${accountId}
    cross join lateral (select max(mv.numeric_value) as last_wh from meter_values mv
      where mv.transaction_id = t.id and mv.measurand = 'Energy.Active.Import.Register') m`;
  return Number(row!.wh);
}

describe('the sessions list', () => {
  it('shows only the account’s sessions, newest first, with the running one’s energy from its last meter value', async () => {
    const { sessions, hasNext } = await listSessions(db, { ...utc(), filters: filters() });
    expect(sessions.map((session) => session.id)).toEqual([fixture.running.id, fixture.second.id, fixture.first.id]);
    expect(hasNext).toBe(false);
    const running = sessions[0]!;
    expect(running).toMatchObject({ energyWh: 2_100, stoppedAt: null, cost: null, cardLabel: null, idTag: 'UNKNOWN1', userName: 'Member Mykolas' });
    expect(sessions[1]).toMatchObject({ cardLabel: 'Lost card', isCardDeleted: true, chargerName: 'Street', connectorId: 2 });
  });

  it('totals match the meter values, with the cost per currency', async () => {
    const totals = await getSessionTotals(db, { ...utc(), filters: filters() });
    expect(totals.count).toBe(3);
    expect(totals.energyWh).toBe(5_000 + 7_250 + 2_100);
    expect(totals.energyWh).toBe(await energyFromMeterValues(fixture.account.id));
    expect(totals.costs).toEqual([
      { currency: 'EUR', amount: '1.5000' },
      { currency: 'SEK', amount: '2.0000' },
    ]);
  });

  it('filters by charger, user and card, and totals follow the filter', async () => {
    expect(await ids({ chargerId: fixture.garage.id })).toEqual([fixture.first.id, fixture.running.id].sort());
    expect(await ids({ userId: fixture.member.id })).toEqual([fixture.second.id, fixture.running.id].sort());
    expect(await ids({ cardId: fixture.lostCard.id })).toEqual([fixture.second.id]);
    expect(await ids({ chargerId: fixture.garage.id, userId: fixture.owner.id })).toEqual([fixture.first.id]);
    const totals = await getSessionTotals(db, { ...utc(), filters: filters({ chargerId: fixture.garage.id }) });
    expect(totals).toEqual({ count: 2, energyWh: 7_100, costs: [{ currency: 'EUR', amount: '1.5000' }] });
  });

  it('filters by days of the user’s calendar', async () => {
    expect(await ids({ from: '2026-03-02', to: '2026-03-05' })).toEqual([fixture.second.id]);
    // 23:30 UTC on 5 March is already 6 March in Vilnius.
    expect(await ids({ from: '2026-03-06', to: '2026-03-06' }, 'Europe/Vilnius')).toEqual([fixture.second.id, fixture.running.id].sort());
    expect(await ids({ to: '2026-03-01' })).toEqual([fixture.first.id]);
  });

  it('finds nothing with another account’s charger, and ignores malformed filters', async () => {
    expect(await ids({ chargerId: fixture.theirCharger.id })).toEqual([]);
    expect(await ids({ chargerId: 'nope', from: '2026-13-45', page: '-3' })).toHaveLength(3);
  });

  it('pages by 50', async () => {
    const account = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: account.id });
    for (let index = 0; index < 55; index += 1) {
      await addSession(db, { chargerId: charger.id, startedAt: new Date(Date.UTC(2026, 0, 1, 0, index)), minutes: 1, energyWh: 100 });
    }
    const scope = { accountId: account.id, timeZone: 'UTC' };
    const first = await listSessions(db, { ...scope, filters: filters() });
    const second = await listSessions(db, { ...scope, filters: filters({ page: '2' }) });
    expect([first.sessions.length, first.hasNext, second.sessions.length, second.hasNext]).toEqual([50, true, 5, false]);
    expect(new Set([...first.sessions, ...second.sessions].map((session) => session.id)).size).toBe(55);
  });

  it('opens a session and its meter values only within its account', async () => {
    expect(await getSession(db, { accountId: fixture.account.id, sessionId: fixture.first.id })).toMatchObject({ energyWh: 5_000, cost: '1.5000' });
    expect(await listSessionMeterValues(db, { accountId: fixture.account.id, sessionId: fixture.first.id })).toHaveLength(10);
    expect(await getSession(db, { accountId: fixture.account.id, sessionId: fixture.theirs.id })).toBeNull();
    expect(await listSessionMeterValues(db, { accountId: fixture.account.id, sessionId: fixture.theirs.id })).toEqual([]);
  });

  it('offers as people the members and everyone who charged in the account, each once, by name', async () => {
    const owner = await makeUser(db, { name: 'Ona Owner' });
    const account = await makeAccount(db, { owner });
    const charger = await makeCharger(db, { accountId: account.id });
    const [ada, bo, elsewhere] = await Promise.all(['Ada Driver', 'Bo Guest', 'Cy Elsewhere'].map((name) => makeUser(db, { name })));
    const startedAt = new Date(Date.UTC(2026, 0, 2));
    for (const [minute, userId] of [bo!.id, ada!.id, bo!.id, null, ada!.id].entries()) {
      await addSession(db, { chargerId: charger.id, userId, startedAt: new Date(startedAt.getTime() + minute * 60_000), minutes: 1, energyWh: 10 });
    }
    const other = await makeAccount(db);
    await addSession(db, { chargerId: (await makeCharger(db, { accountId: other.id })).id, userId: elsewhere!.id, startedAt, minutes: 1, energyWh: 10 });
    const { users } = await listSessionFilterOptions(db, { accountId: account.id });
    expect(users.map((user) => user.name)).toEqual(['Ada Driver', 'Bo Guest', 'Ona Owner']);
  });
});
