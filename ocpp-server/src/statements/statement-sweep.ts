import type { Database } from '../../../db/client';
import { emailIssuedStatements } from '../../../domain/statements/email-statements';
import { issueMonthlyStatements } from '../../../domain/statements/monthly-issue';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type StatementSweepOptions = { db: Database; log: Logger; everyMs: number; now?: () => Date };

// Issues last month's statements once the account's month has turned, then e-mails each with its PDF. Both steps are
// safe to run from several OCPP servers at once (domain/statements).
export function startStatementSweep({ db, log, everyMs, now = () => new Date() }: StatementSweepOptions) {
  return runPeriodically(async () => {
    try {
      await issueMonthlyStatements(db, { now: now(), log });
      const sent = await emailIssuedStatements({ db, log });
      if (sent > 0) log.info({ sent }, 'statements e-mailed');
    } catch (error) {
      log.error({ err: error }, 'statement sweep failed');
    }
  }, everyMs);
}
