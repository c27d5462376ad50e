import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts } from '../../db/schema';

export async function getAccountTimeZone(db: Executor, { accountId }: { accountId: string }) {
  const [row] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  return row?.timeZone ?? 'UTC';
}

// Changes where the account's days begin from now on: closed sessions keep the lines they were split into.
export async function setAccountTimeZone(db: Executor, { accountId, timeZone }: { accountId: string; timeZone: string }) {
  await db.update(accounts).set({ timeZone }).where(eq(accounts.id, accountId));
}
