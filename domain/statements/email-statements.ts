import type { Executor } from '../../db/client';
import type { Locale } from '../../db/schema';
import { claimStatementsToEmail, releaseStatementEmail, type StatementToEmail } from '../data/statement-issue';
import { queueStatementReadyPush, statementChannelsWanted } from '../data/statement-notifications';
import { deliverEmail } from '../email/deliver';
import { issuedPart } from './currency-split';
import { renderStatementPdf } from './pdf';
import { readStatement, type StatementReading } from './read-statement';
import { employerStatementEmail, memberStatementEmail, statementPath } from './statement-email';

type MailLog = Parameters<typeof deliverEmail>[0]['log'];
type Context = { db: Executor; log: MailLog };
const BATCH = 10;

function readyFacts(statement: StatementReading, claimed: StatementToEmail) {
  const { accountName, period, totals } = statement;
  const { amount, currency, byCard } = claimed;
  return { path: statementPath(statement), periodStart: period.from, amount, currency, byCard, accountName, sessions: totals.sessionCount, energyWh: totals.energyWh };
}

// The member hears by the channels of their "statement ready" notification; the reimbursement address an owner set is
// no user's choice and gets its copy whatever the member chose.
async function announceOne({ db, log }: Context, claimed: StatementToEmail) {
  const period = { from: claimed.periodStart, to: claimed.periodEnd };
  const month = await readStatement(db, { accountId: claimed.accountId, holder: { userId: claimed.userId }, period });
  if (!month?.holder.email) return;
  // A month issued in two currencies is told as two statements, each with its own sessions.
  const statement = issuedPart(month, claimed.currency);
  const wanted = await statementChannelsWanted(db, { userId: claimed.userId, accountId: claimed.accountId });
  const locale: Locale = statement.holder.locale ?? 'en';
  const issued = { amount: claimed.amount, currency: claimed.currency, transferReference: claimed.transferReference, status: claimed.status };
  if (wanted.has('email') || statement.holder.reimbursementEmail) {
    const mail = { statement, issued, locale, byCard: claimed.byCard, pdf: await renderStatementPdf(statement, { locale, issued }) };
    if (wanted.has('email')) await deliverEmail({ db, log }, { to: month.holder.email, ...memberStatementEmail(mail) });
    if (statement.holder.reimbursementEmail) await deliverEmail({ db, log }, { to: statement.holder.reimbursementEmail, ...employerStatementEmail(mail) });
  }
  if (wanted.has('push')) await queueStatementReadyPush(db, { userId: claimed.userId, accountId: claimed.accountId, facts: readyFacts(statement, claimed) });
}

// Announces each newly issued member statement once: its e-mail with the PDF, its push, and the copy to the member's
// reimbursement address. One that cannot go out is released and tried at the next run; the rest go on.
export async function emailIssuedStatements(context: Context): Promise<number> {
  let sent = 0;
  let hasFailed = false;
  while (!hasFailed) {
    const batch = await claimStatementsToEmail(context.db, { limit: BATCH });
    if (batch.length === 0) break;
    for (const claimed of batch) {
      try {
        await announceOne(context, claimed);
        sent += 1;
      } catch (error) {
        context.log.error({ statementId: claimed.id, reason: error instanceof Error ? error.message : String(error) }, 'statement e-mail not sent');
        await releaseStatementEmail(context.db, claimed);
        hasFailed = true;
      }
    }
  }
  return sent;
}
