import 'server-only';
import type { Executor } from '@/db/client';
import type { Locale } from '@/db/schema/locales';
import { getStatementForPayment } from '@/domain/data/payments';
import { paymentTranslator } from '@/domain/email/messages';

// "Charging in November 2026 · CW-…", shown on the provider's checkout page and receipt.
export async function checkoutText(db: Executor, { accountId, statementId, locale }: { accountId: string; statementId: string; locale: Locale }) {
  const statement = await getStatementForPayment(db, { accountId, statementId });
  if (!statement) return '';
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${statement.periodStart}T00:00:00Z`));
  return paymentTranslator(locale)('checkoutDescription', { month, reference: statement.transferReference });
}
