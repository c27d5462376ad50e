import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { getSessionTotals } from '@/domain/data/sessions';
import { parseSessionFilters } from '@/lib/sessions/filters';
import { signInAs } from '../support/fake-auth';
import { parseCsv } from './csv-parse';
import { sessionsFixture } from './fixture';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { GET } = await import('@/app/(app)/sessions/export.csv/route');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

let fixture: Awaited<ReturnType<typeof sessionsFixture>>;
beforeAll(async () => {
  fixture = await sessionsFixture(db);
});

const exportUrl = (query: string) => `http://localhost/sessions/export.csv${query}`;

async function exportRows(query: string) {
  const response = await GET(new Request(exportUrl(query)));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return { header: header!, rows };
}

describe('the sessions CSV export', () => {
  it('refuses a visitor without a session and a member of another account', async () => {
    signInAs(null);
    expect((await GET(new Request(exportUrl('')))).status).toBe(403);
    const intruder = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: intruder });
    signInAs(intruder);
    expect((await GET(new Request(exportUrl(`?accountId=${fixture.account.id}`)))).status).toBe(403);
    const own = await exportRows('');
    expect(own.rows).toEqual([]);
  });

  it('writes a header and one quoted, UTF-8 row per session, totals matching the list', async () => {
    signInAs(fixture.owner);
    const { header, rows } = await exportRows(`?accountId=${fixture.account.id}`);
    expect(header).toEqual(['Session', 'Charger', 'Connector', 'User', 'Card', 'ID tag', 'Start (UTC)', 'End (UTC)', 'Duration (min)', 'Energy (kWh)', 'Cost', 'Currency', 'Price per kWh', 'Stop reason']);
    expect(rows.map((row) => Number(row[0]))).toEqual([fixture.running.id, fixture.second.id, fixture.first.id]);
    expect(rows[2]).toEqual([String(fixture.first.id), 'Garage, "north"', '1', 'Owner Olga', 'Olga’s fob', fixture.ownerCard.idTag, '2026-03-01T10:00:00Z', '2026-03-01T10:05:00Z', '5', '5.000', '1.5000', 'EUR', '', 'Local']);
    expect(rows[1]![4]).toBe('Lost card (deleted)');
    expect(rows[0]!.slice(7, 11)).toEqual(['', '', '2.100', '']);

    const totals = await getSessionTotals(db, { accountId: fixture.account.id, timeZone: 'UTC', filters: parseSessionFilters({}) });
    const energyWh = rows.reduce((sum, row) => sum + Math.round(Number(row[9]) * 1000), 0);
    expect({ count: rows.length, energyWh }).toEqual({ count: totals.count, energyWh: totals.energyWh });
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('applies the same filters as the list, for the signed-in user’s current account', async () => {
    signInAs(fixture.member);
    const byCharger = await exportRows(`?chargerId=${fixture.garage.id}`);
    expect(byCharger.rows.map((row) => Number(row[0])).sort()).toEqual([fixture.first.id, fixture.running.id].sort());
    const byDay = await exportRows('?from=2026-03-05&to=2026-03-05');
    expect(byDay.rows.map((row) => Number(row[0]))).toEqual([fixture.second.id]);
    const theirs = await exportRows(`?chargerId=${fixture.theirCharger.id}`);
    expect(theirs.rows).toEqual([]);
  });
});
