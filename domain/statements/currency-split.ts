import type { StatementSession } from '../data/statement-sessions';
import { statementTotals, type StatementReading } from './read-statement';

export type StatementToIssue = { sessionCount: number; energyWh: number; amount: string; currency: string | null };

// A holder's month parted as it is issued: one part per currency its sessions were priced in (an account that changed
// currency mid-month issues one in each, never one amount adding two currencies), each with its own sessions. Sessions
// without a price (charged while none was in force) go with the first currency, or make the only part.
function partsByCurrency(sessions: readonly StatementSession[]): { currency: string | null; sessions: StatementSession[] }[] {
  const currencies = [...new Set(sessions.flatMap((session) => (session.currency === null ? [] : [session.currency])))].sort();
  if (currencies.length === 0) return [{ currency: null, sessions: [...sessions] }];
  return currencies.map((currency, index) => ({ currency, sessions: sessions.filter((session) => session.currency === currency || (index === 0 && session.currency === null)) }));
}

export function statementsToIssue(sessions: readonly StatementSession[]): StatementToIssue[] {
  return partsByCurrency(sessions).map(({ currency, sessions: own }) => {
    const { sessionCount, energyWh, amounts } = statementTotals(own);
    return { sessionCount, energyWh, amount: amounts[0]?.amount ?? '0.00', currency };
  });
}

// The month's reading narrowed to what one issued statement of it covers: its currency's sessions and totals.
export function issuedPart(reading: StatementReading, currency: string | null): StatementReading {
  const part = partsByCurrency(reading.sessions).find((candidate) => candidate.currency === currency);
  const sessions = part?.sessions ?? [];
  return { ...reading, sessions, totals: statementTotals(sessions) };
}
