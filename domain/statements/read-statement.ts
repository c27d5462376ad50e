import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts } from '../../db/schema';
import { getStatementHolder, type HolderInfo } from '../data/statement-holders';
import { listStatementSessions, type StatementSession } from '../data/statement-sessions';
import type { Holder } from './holder';
import { sumAmounts } from './money';
import type { Period } from './period';

export type StatementTotals = { sessionCount: number; energyWh: number; amounts: { currency: string; amount: string }[] };

export type StatementReading = {
  accountName: string;
  timeZone: string;
  holder: Holder & HolderInfo;
  period: Period;
  sessions: StatementSession[];
  totals: StatementTotals;
};

// The totals are the sums of the sessions' parts, to the cent, per currency (an account normally has one).
export function statementTotals(sessions: readonly StatementSession[]): StatementTotals {
  const byCurrency = new Map<string, string[]>();
  for (const session of sessions) {
    if (session.cost === null || session.currency === null) continue;
    byCurrency.set(session.currency, [...(byCurrency.get(session.currency) ?? []), session.cost]);
  }
  return {
    sessionCount: sessions.length,
    energyWh: sessions.reduce((total, session) => total + session.energyWh, 0),
    amounts: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, costs]) => ({ currency, amount: sumAmounts(costs) })),
  };
}

// A holder's statement for any period of the account's calendar, read from the sessions' cost lines; null when the
// holder is not the account's.
export async function readStatement(db: Executor, { accountId, holder, period }: { accountId: string; holder: Holder; period: Period }): Promise<StatementReading | null> {
  const [account] = await db.select({ name: accounts.name, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  const info = account ? await getStatementHolder(db, { accountId, holder }) : null;
  if (!account || !info) return null;
  const sessions = await listStatementSessions(db, { accountId, holder, period, timeZone: account.timeZone });
  return { accountName: account.name, timeZone: account.timeZone, holder: { ...holder, ...info }, period, sessions, totals: statementTotals(sessions) };
}

export async function getAccountTimeZone(db: Executor, { accountId }: { accountId: string }): Promise<string | null> {
  const [account] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  return account?.timeZone ?? null;
}
