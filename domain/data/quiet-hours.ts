import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';

export type QuietHours = { start: string; end: string; zone: string };

// Whether `at` falls in the quiet hours of the user row `u`: from start (included) to end (excluded) on the user's
// clock, across midnight when start is later than end. Equal times, or none, mean no quiet hours.
export function isInQuietHours(at: Date): SQL {
  const local = sql`(${at.toISOString()}::timestamptz at time zone u.quiet_hours_zone)::time`;
  return sql`(u.quiet_hours_start is not null and u.quiet_hours_end is not null and u.quiet_hours_zone is not null and case
    when u.quiet_hours_start < u.quiet_hours_end then ${local} >= u.quiet_hours_start and ${local} < u.quiet_hours_end
    when u.quiet_hours_start > u.quiet_hours_end then ${local} >= u.quiet_hours_start or ${local} < u.quiet_hours_end
    else false end)`;
}

export async function getQuietHours(db: Executor, { userId }: { userId: string }): Promise<QuietHours | null> {
  const [row] = await db
    .select({ start: users.quietHoursStart, end: users.quietHoursEnd, zone: users.quietHoursZone })
    .from(users)
    .where(eq(users.id, userId));
  if (!row?.start || !row.end || !row.zone) return null;
  return { start: row.start.slice(0, 5), end: row.end.slice(0, 5), zone: row.zone };
}

// A zone PostgreSQL does not know would fail every claim of the dispatcher (isInQuietHours): it becomes UTC.
async function knownZone(db: Executor, zone: string): Promise<string> {
  const [known] = await db.execute<{ name: string }>(sql`select name from pg_timezone_names where name = ${zone}`);
  return known ? zone : 'UTC';
}

// Null turns them off.
export async function saveQuietHours(db: Executor, { userId, quietHours: given }: { userId: string; quietHours: QuietHours | null }) {
  const quietHours = given && { ...given, zone: await knownZone(db, given.zone) };
  await db
    .update(users)
    .set({ quietHoursStart: quietHours?.start ?? null, quietHoursEnd: quietHours?.end ?? null, quietHoursZone: quietHours?.zone ?? null })
    .where(eq(users.id, userId));
}
