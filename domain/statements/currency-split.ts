import type { StatementSession } from '../data/statement-sessions';
import { statementTotals } from './read-statement';

export type StatementToIssue = { sessionCount: number; energyWh: number; amount: string; currency: string | null };

// What is issued for a holder's month: one statement per currency its sessions were priced in (an account that changed
// currency mid-month issues one in each, never one amount adding two currencies), each with its own sessions. Sessions
// without a price (charged while none was in force) go on the first currency's statement, or on the only one.
export function statementsToIssue(sessions: readonly StatementSession[]): StatementToIssue[] {
  const currencies = [...new Set(sessions.flatMap((session) => (session.currency === null ? [] : [session.currency])))].sort();
  if (currencies.length === 0) {
    const { sessionCount, energyWh } = statementTotals(sessions);
    return [{ sessionCount, energyWh, amount: '0.00', currency: null }];
  }
  return currencies.map((currency, index) => {
    const own = sessions.filter((session) => session.currency === currency || (index === 0 && session.currency === null));
    const { sessionCount, energyWh, amounts } = statementTotals(own);
    return { sessionCount, energyWh, amount: amounts[0]!.amount, currency };
  });
}
