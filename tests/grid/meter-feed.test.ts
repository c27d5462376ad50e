// The home meter feed end to end: an owner's token, the route a meter script or Home Assistant posts to, the
// readings stored for that account only, and every refusal a JSON answer in the caller's language.
import { eq, sql as raw } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { gridPowerReadings } from '@/db/schema';
import { makeAccount } from '@/db/seed/builders';
import { createApiToken, listApiTokens, revokeApiToken } from '@/domain/data/api-tokens';
import { getGridPowerSummary, trimGridReadings } from '@/domain/data/grid-power';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { POST } = await import('@/app/api/v1/grid-power/route');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

async function feed() {
  const account = await makeAccount(db);
  const { token, id } = await createApiToken(db, { accountId: account.id, name: 'Home Assistant', createdBy: account.owner.id });
  return { account, token, tokenId: id };
}

function post(body: unknown, { token, language, raw: text }: { token?: string; language?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (language) headers['accept-language'] = language;
  return POST(new Request('http://localhost/api/v1/grid-power', { method: 'POST', headers, body: text ?? JSON.stringify(body) }));
}

const readingsOf = (accountId: string) => db.select().from(gridPowerReadings).where(eq(gridPowerReadings.accountId, accountId));
// As if the account's last request had only just arrived, however slow this machine is.
const justReceived = (accountId: string) => db.update(gridPowerReadings).set({ receivedAt: raw`now() + interval '1 minute'` }).where(eq(gridPowerReadings.accountId, accountId));

describe('the home meter feed', () => {
  it('stores a reading sent with the account\'s token, and the page\'s summary shows it', async () => {
    const { account, token } = await feed();
    const response = await post({ powerW: -1234.4 }, { token });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ stored: 1 });
    const summary = await getGridPowerSummary(db, { accountId: account.id });
    expect(summary.latest?.powerW).toBe(-1234);
    expect(summary.lastHour).toEqual({ count: 1, minW: -1234, maxW: -1234 });
    expect((await listApiTokens(db, { accountId: account.id }))[0]?.lastUsedAt).not.toBeNull();
  });

  it('stores a batch with the times it names', async () => {
    const { account, token } = await feed();
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
    const response = await post({ readings: [{ powerW: 500, measuredAt: at(20) }, { powerW: '750', measuredAt: at(10) }] }, { token });

    expect(response.status).toBe(202);
    expect((await readingsOf(account.id)).map((row) => row.powerW).sort()).toEqual([500, 750]);
  });

  it('refuses a missing, unknown or revoked token with 401 in the caller\'s language, storing nothing', async () => {
    const { account, token, tokenId } = await feed();
    const missing = await post({ powerW: 1 }, { language: 'de-DE,de;q=0.9' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('Token fehlt') });
    expect((await post({ powerW: 1 }, { token: 'cwfeed_guessed' })).status).toBe(401);

    expect((await revokeApiToken(db, { accountId: account.id, tokenId })).ok).toBe(true);
    expect((await post({ powerW: 1 }, { token })).status).toBe(401);
    expect(await readingsOf(account.id)).toHaveLength(0);
  });

  it('answers bad input with 400 and what is wrong, naming the bad reading of a batch, and stores none of it', async () => {
    const { account, token } = await feed();
    const notJson = await post(null, { token, raw: '{"powerW": ', language: 'lt' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'notJson', message: 'Užklausos turinys nėra JSON.' });

    const batch = await post({ readings: [{ powerW: 1 }, { powerW: 2, measuredAt: '2026-12-03 14:00' }] }, { token, language: 'fr' });
    expect(batch.status).toBe(400);
    expect(await batch.json()).toMatchObject({ error: 'timeInvalid', index: 1, message: expect.stringMatching(/^Mesure 1 : measuredAt doit être/) });

    expect((await post({ powerW: 5_000_000 }, { token })).status).toBe(400);
    expect((await post(null, { token, raw: JSON.stringify({ readings: Array.from({ length: 2000 }, () => ({ powerW: 1234567 })) }) })).status).toBe(413);
    expect(await readingsOf(account.id)).toHaveLength(0);
  });

  it('tells a feed that posts more than once a second to slow down, and keeps the readings it had', async () => {
    const { account, token } = await feed();
    expect((await post({ powerW: 100 }, { token })).status).toBe(202);
    await justReceived(account.id);
    const again = await post({ powerW: 200 }, { token });

    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('1');
    expect((await readingsOf(account.id)).map((row) => row.powerW)).toEqual([100]);
  });

  it('keeps each account\'s readings to itself', async () => {
    const first = await feed();
    const second = await feed();
    await post({ powerW: 42 }, { token: first.token });

    expect(await readingsOf(second.account.id)).toHaveLength(0);
    expect((await getGridPowerSummary(db, { accountId: second.account.id })).latest).toBeNull();
  });

  it('trims readings received more than a week ago', async () => {
    const { account, token } = await feed();
    await post({ powerW: 1 }, { token });
    await db.update(gridPowerReadings).set({ receivedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) }).where(eq(gridPowerReadings.accountId, account.id));
    await trimGridReadings(db, { keepDays: 7 });
    expect(await readingsOf(account.id)).toHaveLength(0);
  });
});
