import type { Executor } from '../../db/client';
import { listHoldersWithSessions } from '../data/statement-holders';
import { insertStatement, listAccountsToIssue } from '../data/statement-issue';
import { readStatement } from './read-statement';

type IssueLog = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };

// On the first of each month of an account's zone (and at each later run until done), last month's statement of every
// member and unlinked card that charged, with its amount due fixed now. Run by the OCPP server's periodic work; any
// number of runs and processes issue each once.
export async function issueMonthlyStatements(db: Executor, { now, log }: { now: Date; log: IssueLog }): Promise<number> {
  let issued = 0;
  for (const { accountId, timeZone, from, to } of await listAccountsToIssue(db, { now })) {
    const period = { from, to };
    for (const holder of await listHoldersWithSessions(db, { accountId, period, timeZone })) {
      const reading = await readStatement(db, { accountId, holder, period });
      if (!reading) continue;
      const { amounts, sessionCount, energyWh } = reading.totals;
      // One amount due per statement: an account whose price changed currency within the month is told, not billed twice.
      if (amounts.length > 1) {
        log.warn({ accountId, period, currencies: amounts.map((a) => a.currency) }, 'statement not issued: sessions priced in more than one currency');
        continue;
      }
      const row = await insertStatement(db, { accountId, holder, period, sessionCount, energyWh, amount: amounts[0]?.amount ?? '0.00', currency: amounts[0]?.currency ?? null });
      if (row) issued += 1;
    }
  }
  if (issued > 0) log.info({ issued }, 'monthly statements issued');
  return issued;
}
