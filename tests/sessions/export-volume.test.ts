import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { EXPORT_BATCH } from '@/domain/data/session-export';
import { signInAs } from '../support/fake-auth';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { GET } = await import('@/app/(app)/sessions/export.csv/route');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const ROWS = 100_000;

// Reads the stream chunk by chunk without keeping it: counts rows, sums the energy column, and
// watches the heap.
async function consume(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const baseline = process.memoryUsage().heapUsed;
  let carry = '';
  let lines = 0;
  let energyWh = 0;
  let chunks = 0;
  let peak = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks += 1;
    const parts = (carry + decoder.decode(next.value, { stream: true })).split('\r\n');
    carry = parts.pop()!;
    for (const line of parts) {
      lines += 1;
      if (lines > 1) energyWh += Math.round(Number(line.split(',')[9]) * 1000);
    }
    if (chunks % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  }
  return { rows: lines - 1, energyWh, chunks, carry, peakHeapGrowth: peak };
}

describe('the sessions CSV export at volume', () => {
  it('streams 100,000 sessions in batches with exact count and energy, in flat memory', async () => {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    const charger = await makeCharger(db, { accountId: account.id, name: 'Depot' });
    await sql`
      insert into transactions (charger_id, account_id, connector_id, id_tag, authorization_status, meter_start_wh, meter_stop_wh,
        started_at, stopped_at, stop_reason, energy_wh, cost, currency, price_per_kwh)
      select ${charger.id}, ${account.id}, 1 + i % 2, 'BULK' || i, 'Accepted', 0, i % 40000,
        timestamptz '2026-01-01' + i * interval '1 minute', timestamptz '2026-01-01' + i * interval '1 minute' + interval '40 minutes',
        'EVDisconnected', i % 40000, round((i % 40000) * 0.00025, 2), 'EUR', 0.25
      from generate_series(1, ${ROWS}) as i`;
    const [expected] = await sql`select count(*)::int as count, sum(energy_wh)::float8 as wh from transactions where charger_id = ${charger.id}`;

    signInAs(owner);
    const response = await GET(new Request(`http://localhost/sessions/export.csv?accountId=${account.id}`));
    const result = await consume(response.body!);

    expect(result.rows).toBe(ROWS);
    expect(result.rows).toBe(expected!.count);
    expect(result.energyWh).toBe(Number(expected!.wh));
    expect(result.carry).toBe('');
    // One chunk for the header, then one per cursor batch: the rows never sit in memory together.
    expect(result.chunks).toBe(1 + ROWS / EXPORT_BATCH);
    expect(result.peakHeapGrowth).toBeLessThan(64 * 1024 * 1024);
    // How fast it streams is `npm run bench:web`'s to measure (its export figures), not a test's to bound.
  });
});
