import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayAheadFeeds, dayAheadPrices } from '@/db/schema';
import { makeAccount } from '@/db/seed/builders';
import { fetchDueDayAheadFeeds, setDayAheadFeed } from '@/domain/data/day-ahead';
import { fetchPublicText, isPublicAddress } from '@/domain/net/public-fetch';
import { readDayAheadFile } from '@/domain/prices/day-ahead-file';
import { testDb } from '@/ocpp-server/test/helpers';

const { db, sql } = testDb();

// A price publisher on this machine: each path answers what the test put there.
const published = new Map<string, { status: number; body: string }>();
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const page = published.get(request.url ?? '') ?? { status: 404, body: 'not found' };
    response.writeHead(page.status, { 'content-type': 'text/plain' }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sql.end();
});

const GOOD_CSV = 'start,price\n2026-12-04T01:00:00Z,0.2\n2026-12-04T01:00:00+02:00,-0.0050\n\n2026-12-04T00:00:00Z,0.1012\n';

describe('reading a day-ahead file', () => {
  it('reads CSV (comma, or semicolon with decimal commas) and JSON, hours in order', () => {
    const expected = {
      ok: true,
      hours: [
        { startsAt: new Date('2026-12-03T23:00:00Z'), pricePerKwh: '-0.0050' },
        { startsAt: new Date('2026-12-04T00:00:00Z'), pricePerKwh: '0.1012' },
        { startsAt: new Date('2026-12-04T01:00:00Z'), pricePerKwh: '0.2' },
      ],
    };
    expect(readDayAheadFile(GOOD_CSV)).toEqual(expected);
    expect(readDayAheadFile('Price;Start\r\n0,2;2026-12-04T01:00Z\r\n-0,0050;2026-12-03T23:00:00Z\r\n0,1012;2026-12-04T00:00:00Z')).toEqual(expected);
    const json = JSON.stringify([
      { start: '2026-12-04T01:00:00Z', price: 0.2 },
      { start: '2026-12-03T23:00:00Z', price: '-0.0050' },
      { start: '2026-12-04T00:00:00Z', price: '0.1012' },
    ]);
    expect(readDayAheadFile(json)).toEqual(expected);
  });

  it('refuses a file with a bad line, naming the line', () => {
    expect(readDayAheadFile('start,price\n2026-12-04T00:00:00Z,0.1\n2026-12-04T01:00:00Z,cheap\n')).toEqual({ ok: false, problem: 'price', line: 3 });
    expect(readDayAheadFile('start,price\n2026-12-04 00:00,0.1\n')).toEqual({ ok: false, problem: 'start', line: 2 });
    expect(readDayAheadFile('start,price\n2026-12-04T00:30:00Z,0.1\n')).toEqual({ ok: false, problem: 'notWholeHour', line: 2 });
    expect(readDayAheadFile('start,price\n2026-12-04T00:00:00Z,0.1\n2026-12-04T02:00:00+02:00,0.1\n')).toEqual({ ok: false, problem: 'duplicate', line: 3 });
    expect(readDayAheadFile('when,cost\n2026-12-04T00:00:00Z,0.1\n')).toEqual({ ok: false, problem: 'header', line: 1 });
    expect(readDayAheadFile('[{"start":"2026-12-04T00:00:00Z","price":"0.12345"}]')).toEqual({ ok: false, problem: 'price', line: 1 });
    expect(readDayAheadFile('[{"start":')).toEqual({ ok: false, problem: 'notJson', line: null });
    expect(readDayAheadFile('start,price\n')).toEqual({ ok: false, problem: 'empty', line: null });
  });
});

const storedHours = (accountId: string) =>
  db.select({ startsAt: dayAheadPrices.startsAt, price: dayAheadPrices.pricePerKwh }).from(dayAheadPrices).where(eq(dayAheadPrices.accountId, accountId)).orderBy(asc(dayAheadPrices.startsAt));
const feedOf = async (accountId: string) => (await db.select().from(dayAheadFeeds).where(eq(dayAheadFeeds.accountId, accountId)))[0]!;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('fetching day-ahead prices daily', () => {
  it('refuses a URL of the platform\'s own machine or network unless the operator allows its host, and stores nothing', async () => {
    const account = await makeAccount(db);
    const path = `/prices-${account.id}.csv`;
    published.set(path, { status: 200, body: GOOD_CSV });
    await setDayAheadFeed(db, { accountId: account.id, url: `${base}${path}`, createdBy: account.owner.id });
    expect(await fetchDueDayAheadFeeds(db)).toContainEqual({ accountId: account.id, problem: 'notAllowed' });
    expect(await storedHours(account.id)).toEqual([]);
    // A name resolving to this machine is refused as its address is.
    const named = await fetchPublicText(`${base.replace('127.0.0.1', 'localhost')}${path}`, { maxBytes: 1000, timeoutMs: 5000, allowedHosts: [] });
    expect(named).toEqual({ ok: false, problem: 'notAllowed' });
  });

  it('tells public addresses from the machine\'s own, private, link-local and reserved ones', () => {
    for (const address of ['8.8.8.8', '2001:4860:4860::8888', '::ffff:1.1.1.1']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'not an address'])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it('stores what the URL publishes, and a failed fetch keeps the last prices and says why', async () => {
    vi.stubEnv('DAY_AHEAD_ALLOWED_HOSTS', '127.0.0.1');
    const account = await makeAccount(db);
    const path = `/prices-${account.id}.csv`;
    published.set(path, { status: 200, body: GOOD_CSV });
    await setDayAheadFeed(db, { accountId: account.id, url: `${base}${path}`, createdBy: account.owner.id });
    expect(await fetchDueDayAheadFeeds(db)).toContainEqual({ accountId: account.id, problem: null });
    const stored = await storedHours(account.id);
    expect(stored.map((hour) => hour.price)).toEqual(['-0.0050', '0.1012', '0.2000']);
    expect(await feedOf(account.id)).toMatchObject({ lastError: null, lastSuccessAt: expect.any(Date) });

    // Fetched today: not again until tomorrow.
    expect((await fetchDueDayAheadFeeds(db)).map((result) => result.accountId)).not.toContain(account.id);

    // A day later the publisher answers a broken file, then nothing at all.
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await db.update(dayAheadFeeds).set({ lastSuccessAt: dayAgo, lastAttemptAt: dayAgo }).where(eq(dayAheadFeeds.accountId, account.id));
    published.set(path, { status: 200, body: 'start,price\n2026-12-05T00:00:00Z,0.3\n2026-12-05T01:00:00Z,oops\n' });
    expect(await fetchDueDayAheadFeeds(db)).toContainEqual({ accountId: account.id, problem: 'price' });
    expect(await feedOf(account.id)).toMatchObject({ lastError: 'price', lastErrorLine: 3, lastAttemptAt: expect.any(Date) });
    expect(await storedHours(account.id)).toEqual(stored);

    await db.update(dayAheadFeeds).set({ lastAttemptAt: dayAgo }).where(eq(dayAheadFeeds.accountId, account.id));
    published.delete(path);
    expect(await fetchDueDayAheadFeeds(db)).toContainEqual({ accountId: account.id, problem: 'httpStatus' });
    expect(await storedHours(account.id)).toEqual(stored);
  });
});
