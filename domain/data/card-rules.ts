import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts } from '../../db/schema';

type Scope = { accountId: string };

export async function getCardRules(db: Executor, { accountId }: Scope) {
  const [row] = await db.select({ isOneSessionPerCard: accounts.isOneSessionPerCard }).from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

// Read by every Authorize and StartTransaction at the account's chargers, so it holds from the next one on.
export async function setOneSessionPerCard(db: Executor, { accountId, isOneSessionPerCard }: Scope & { isOneSessionPerCard: boolean }) {
  await db.update(accounts).set({ isOneSessionPerCard }).where(eq(accounts.id, accountId));
}
