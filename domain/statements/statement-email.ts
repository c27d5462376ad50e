import type { Locale } from '../../db/schema';
import type { EmailAttachment } from '../data/outbox';
import { appUrl } from '../email/config';
import { renderEmail } from '../email/layout';
import { emailTranslator } from '../email/messages';
import { monthName, statementFormat } from './format';
import { holderKey } from './holder';
import { statementTranslator } from './messages';
import type { IssuedFacts } from './pdf';
import type { StatementReading } from './read-statement';

export function statementFileName(locale: Locale, statement: Pick<StatementReading, 'period'>, extension: 'pdf' | 'csv') {
  return `${statementTranslator(locale)('fileName')}-${statement.period.from.slice(0, 7)}.${extension}`;
}

// `byCard`: the member's saved card is charged for it, so the e-mail does not ask for a transfer.
type Mail = { statement: StatementReading; issued: IssuedFacts; locale: Locale; pdf: Buffer; byCard?: boolean };

function attachment({ statement, locale, pdf }: Mail): EmailAttachment {
  return { filename: statementFileName(locale, statement, 'pdf'), contentType: 'application/pdf', content: pdf };
}

function dueAmount({ issued, statement, locale }: Mail) {
  return issued.currency ? statementFormat(locale, statement.timeZone).money(issued.amount, issued.currency) : issued.amount;
}

// The member's statement page of that month.
export function statementPath(statement: Pick<StatementReading, 'holder' | 'period'>) {
  return `/statements/${holderKey(statement.holder)}?month=${statement.period.from.slice(0, 7)}`;
}

// The monthly e-mail to the member, in their language, with the PDF.
export function memberStatementEmail(mail: Mail) {
  const { statement, locale, issued } = mail;
  const t = emailTranslator(locale);
  const month = monthName(locale, statement.period.from);
  const energy = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(statement.totals.energyWh / 1000);
  const url = `${appUrl()}${statementPath(statement)}`;
  const content = renderEmail({
    subject: t('statementReady.subject', { month, accountName: statement.accountName }),
    greeting: t('greeting', { name: statement.holder.name }),
    paragraphs: [
      t('statementReady.body', { month, accountName: statement.accountName, sessions: statement.totals.sessionCount, energy }),
      mail.byCard ? t('statementReady.byCard', { amount: dueAmount(mail) }) : t('statementReady.due', { amount: dueAmount(mail), reference: issued.transferReference }),
    ],
    action: { label: t('statementReady.action'), url },
    footer: t('statementReady.footer'),
  });
  return { ...content, attachments: [attachment(mail)] };
}

// The same statement to the member's employer, in the member's language: no link into an account they do not have.
export function employerStatementEmail(mail: Mail) {
  const { statement, locale } = mail;
  const t = emailTranslator(locale);
  const values = { name: statement.holder.name, month: monthName(locale, statement.period.from), accountName: statement.accountName };
  const content = renderEmail({
    subject: t('statementForEmployer.subject', values),
    greeting: t('statementForEmployer.greeting'),
    paragraphs: [t('statementForEmployer.body', values), t('statementForEmployer.total', { amount: dueAmount(mail) })],
    footer: t('statementForEmployer.footer', values),
  });
  return { ...content, attachments: [attachment(mail)] };
}
