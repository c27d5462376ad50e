import 'server-only';
import { getLocale } from 'next-intl/server';
import type { Locale } from '@/db/schema';
import { getIssuedStatement } from '@/domain/data/issued-statements';
import { getAccountTimeZone, readStatement, type StatementReading } from '@/domain/statements/read-statement';
import type { IssuedFacts } from '@/domain/statements/pdf';
import { db } from '@/lib/db';
import { statementAccessForDownload } from './access';
import { parsePeriodParams } from './period-params';

type Download = { statement: StatementReading; locale: Locale; issued: IssuedFacts | null };

// The statement a download asks for, or null when the user may not read it (or the period is not one): the route
// answers 404 either way, so it tells nothing about other accounts.
export async function statementForDownload(request: Request, holderKey: string): Promise<Download | null> {
  const access = await statementAccessForDownload(holderKey);
  if (!access) return null;
  const { accountId } = access.member;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const timeZone = await getAccountTimeZone(db(), { accountId });
  if (!timeZone) return null;
  const choice = parsePeriodParams(params, { timeZone });
  if (Object.keys(choice.errors).length > 0) return null;
  const [reading, issuedRow, locale] = await Promise.all([
    readStatement(db(), { accountId, holder: access.holder, period: choice.period }),
    choice.month ? getIssuedStatement(db(), { accountId, holder: access.holder, periodStart: choice.period.from }) : null,
    getLocale(),
  ]);
  if (!reading) return null;
  const issued = issuedRow ? { amount: issuedRow.amount, currency: issuedRow.currency, transferReference: issuedRow.transferReference, status: issuedRow.status } : null;
  return { statement: reading, locale: locale as Locale, issued };
}

export function attachmentHeaders(contentType: string, fileName: string) {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
    'cache-control': 'no-store',
  };
}
