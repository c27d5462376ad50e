import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dayAheadFeeds, dayAheadPrices } from '../../db/schema';
import { allowedPrivateHosts, fetchPublicText, type PublicFetchProblem } from '../net/public-fetch';
import { readDayAheadFile, MAX_DAY_AHEAD_BYTES, type DayAheadHour, type DayAheadProblem } from '../prices/day-ahead-file';

type Scope = { accountId: string };

// A later import of an hour replaces its price; closed sessions keep their cost lines.
export async function storeDayAheadHours(db: Executor, { accountId }: Scope, hours: DayAheadHour[]) {
  if (hours.length === 0) return;
  await db
    .insert(dayAheadPrices)
    .values(hours.map((hour) => ({ accountId, startsAt: hour.startsAt, pricePerKwh: hour.pricePerKwh })))
    .onConflictDoUpdate({
      target: [dayAheadPrices.accountId, dayAheadPrices.startsAt],
      set: { pricePerKwh: sql`excluded.price_per_kwh`, importedAt: sql`now()` },
    });
}

// The hours stored from today's first hour on (UTC), what the owner checks after an import.
export async function getStoredDayAhead(db: Executor, { accountId }: Scope) {
  const [row] = await db
    .select({
      hours: sql<number>`count(*)::int`,
      first: sql<Date | null>`min(${dayAheadPrices.startsAt})`.mapWith(dayAheadPrices.startsAt),
      last: sql<Date | null>`max(${dayAheadPrices.startsAt})`.mapWith(dayAheadPrices.startsAt),
    })
    .from(dayAheadPrices)
    .where(sql`${dayAheadPrices.accountId} = ${accountId} and ${dayAheadPrices.startsAt} >= date_trunc('day', now())`);
  return row!.hours > 0 ? row! : null;
}

export async function getDayAheadFeed(db: Executor, { accountId }: Scope) {
  const [feed] = await db.select().from(dayAheadFeeds).where(eq(dayAheadFeeds.accountId, accountId));
  return feed ?? null;
}

export async function setDayAheadFeed(db: Executor, { accountId, url, createdBy }: Scope & { url: string | null; createdBy: string }) {
  if (url === null) {
    await db.delete(dayAheadFeeds).where(eq(dayAheadFeeds.accountId, accountId));
    return;
  }
  await db
    .insert(dayAheadFeeds)
    .values({ accountId, url, createdBy })
    .onConflictDoUpdate({
      target: dayAheadFeeds.accountId,
      set: { url, createdBy, lastAttemptAt: null, lastSuccessAt: null, lastError: null, lastErrorLine: null, updatedAt: sql`now()` },
    });
}

export type FeedProblem = DayAheadProblem | PublicFetchProblem;

// A feed is fetched once a day; after a failure, again an hour later. Each due feed is claimed by stamping its
// attempt, so with several OCPP processes one of them fetches it.
async function claimDueFeeds(db: Executor) {
  return db.execute<{ account_id: string; url: string }>(sql`
    update day_ahead_feeds set last_attempt_at = now()
    where account_id in (
      select account_id from day_ahead_feeds
      where (last_success_at is null or last_success_at < now() - interval '1 day')
        and (last_attempt_at is null or last_attempt_at < now() - interval '1 hour')
      for update skip locked)
    returning account_id, url`);
}

// Owners type these URLs and the OCPP server fetches them: only public addresses (domain/net/public-fetch.ts).
const download = (url: string) => fetchPublicText(url, { maxBytes: MAX_DAY_AHEAD_BYTES, timeoutMs: 20_000, allowedHosts: allowedPrivateHosts() });

// Fetches every due feed. A failed fetch keeps the prices already stored and records when and why it failed, for
// the prices page to tell the owner.
export async function fetchDueDayAheadFeeds(db: Executor) {
  const results: { accountId: string; problem: FeedProblem | null }[] = [];
  for (const feed of await claimDueFeeds(db)) {
    const downloaded = await download(feed.url);
    const read = downloaded.ok ? readDayAheadFile(downloaded.text) : { ok: false as const, problem: downloaded.problem, line: null };
    const scope = eq(dayAheadFeeds.accountId, feed.account_id);
    if (read.ok) {
      await storeDayAheadHours(db, { accountId: feed.account_id }, read.hours);
      await db.update(dayAheadFeeds).set({ lastSuccessAt: sql`now()`, lastError: null, lastErrorLine: null }).where(scope);
    } else {
      await db.update(dayAheadFeeds).set({ lastError: read.problem, lastErrorLine: read.line }).where(scope);
    }
    results.push({ accountId: feed.account_id, problem: read.ok ? null : read.problem });
  }
  return results;
}
