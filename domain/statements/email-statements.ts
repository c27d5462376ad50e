import type { Executor } from '../../db/client';
import type { Locale } from '../../db/schema';
import { claimStatementsToEmail, releaseStatementEmail, type StatementToEmail } from '../data/statement-issue';
import { deliverEmail } from '../email/deliver';
import { renderStatementPdf } from './pdf';
import { readStatement } from './read-statement';
import { employerStatementEmail, memberStatementEmail } from './statement-email';

type MailLog = Parameters<typeof deliverEmail>[0]['log'];
const BATCH = 10;

async function emailOne({ db, log }: { db: Executor; log: MailLog }, claimed: StatementToEmail) {
  const period = { from: claimed.periodStart, to: claimed.periodEnd };
  const statement = await readStatement(db, { accountId: claimed.accountId, holder: { userId: claimed.userId }, period });
  if (!statement?.holder.email) return;
  const locale: Locale = statement.holder.locale ?? 'en';
  const issued = { amount: claimed.amount, currency: claimed.currency, transferReference: claimed.transferReference, status: claimed.status };
  const mail = { statement, issued, locale, pdf: await renderStatementPdf(statement, { locale, issued }) };
  await deliverEmail({ db, log }, { to: statement.holder.email, ...memberStatementEmail(mail) });
  if (statement.holder.reimbursementEmail) await deliverEmail({ db, log }, { to: statement.holder.reimbursementEmail, ...employerStatementEmail(mail) });
}

// E-mails each newly issued member statement once, with its PDF, to the member and their reimbursement address. One
// that cannot go out is released and tried at the next run; the rest go on.
export async function emailIssuedStatements(context: { db: Executor; log: MailLog }): Promise<number> {
  let sent = 0;
  let hasFailed = false;
  while (!hasFailed) {
    const batch = await claimStatementsToEmail(context.db, { limit: BATCH });
    if (batch.length === 0) break;
    for (const claimed of batch) {
      try {
        await emailOne(context, claimed);
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
