import type { Database } from '../../../db/client';
import { tellFailedCharges } from '../../../domain/payments/charge-notices';
import { chargeSavedCards } from '../../../domain/payments/saved-card-charges';
import { emailIssuedStatements } from '../../../domain/statements/email-statements';
import { issueMonthlyStatements } from '../../../domain/statements/monthly-issue';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

// `authSecret` opens the accounts' Stripe keys (sealed under AUTH_SECRET); without it no saved card is charged.
type StatementSweepOptions = { db: Database; log: Logger; everyMs: number; authSecret: string | null; now?: () => Date };

// Issues last month's statements once the account's month has turned, charges the cards members saved for them, tells
// those whose card was declined, then e-mails each statement with its PDF. Every step is safe to run from several OCPP
// servers at once (domain/statements, domain/payments).
export function startStatementSweep({ db, log, everyMs, authSecret, now = () => new Date() }: StatementSweepOptions) {
  return runPeriodically(async () => {
    try {
      await issueMonthlyStatements(db, { now: now(), log });
      if (authSecret) await chargeSavedCards({ db, secret: authSecret, log });
      await tellFailedCharges({ db, log });
      const sent = await emailIssuedStatements({ db, log });
      if (sent > 0) log.info({ sent }, 'statements e-mailed');
    } catch (error) {
      log.error({ err: error }, 'statement sweep failed');
    }
  }, everyMs);
}
