import type { Executor } from '../../db/client';
import { listHoldersWithSessions } from '../data/statement-holders';
import { insertStatement, listAccountsToIssue, markStatementsChecked } from '../data/statement-issue';
import { statementsToIssue } from './currency-split';
import type { Holder } from './holder';
import type { Period } from './period';
import { readStatement } from './read-statement';

type IssueLog = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };

// On the first of each month of an account's zone (and at each later run until done), last month's statement of every
// member and unlinked card that charged, with its amount due fixed now. Run by the OCPP server's periodic work; any
// number of runs and processes issue each once.
export async function issueMonthlyStatements(db: Executor, { now, log }: { now: Date; log: IssueLog }): Promise<number> {
  let issued = 0;
  for (const { accountId, timeZone, from, to, hasUnissued, isWaiting } of await listAccountsToIssue(db, { now })) {
    if (hasUnissued && isWaiting) continue;
    const period = { from, to };
    if (hasUnissued) {
      for (const holder of await listHoldersWithSessions(db, { accountId, period, timeZone })) issued += await issueHolderStatements(db, { accountId, holder, period });
    }
    await markStatementsChecked(db, { accountId, at: now });
  }
  if (issued > 0) log.info({ issued }, 'monthly statements issued');
  return issued;
}

// One holder's statements of one month, one per currency, with the amounts due fixed now; answers how many were new.
// They are issued together or not at all, so a later run never finds half of them.
export async function issueHolderStatements(db: Executor, { accountId, holder, period }: { accountId: string; holder: Holder; period: Period }): Promise<number> {
  const reading = await readStatement(db, { accountId, holder, period });
  if (!reading) return 0;
  const rows = await db.transaction(async (tx) => {
    const made = [];
    for (const statement of statementsToIssue(reading.sessions)) made.push(await insertStatement(tx, { accountId, holder, period, ...statement }));
    return made;
  });
  return rows.filter(Boolean).length;
}
