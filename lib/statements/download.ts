import 'server-only';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import type { Locale } from '@/db/schema';
import { listIssuedStatementsOfMonth, type IssuedStatement } from '@/domain/data/issued-statements';
import { issuedPart } from '@/domain/statements/currency-split';
import { getAccountTimeZone, readStatement, type StatementReading } from '@/domain/statements/read-statement';
import type { IssuedFacts } from '@/domain/statements/pdf';
import type { Holder } from '@/domain/statements/holder';
import { db } from '@/lib/db';
import { statementAccessForDownload } from './access';
import { parsePeriodParams, type PeriodChoice } from './period-params';

type Download = { statement: StatementReading; locale: Locale; issued: IssuedFacts | null };
const statementIdSchema = z.uuid();

// Which issued statement a month's download is: the one its ?statement= names (or null: the download is refused), else
// the month's only one; a month issued in two currencies with none named is read whole, with no statement's facts.
async function chooseIssued({ accountId, holder, choice, statementId }: { accountId: string; holder: Holder; choice: PeriodChoice; statementId: string | undefined }): Promise<IssuedStatement | 'none' | null> {
  if (statementId === undefined) {
    if (!choice.month) return 'none';
    const ofMonth = await listIssuedStatementsOfMonth(db(), { accountId, holder, periodStart: choice.period.from });
    return ofMonth.length === 1 ? ofMonth[0]! : 'none';
  }
  if (!choice.month || !statementIdSchema.safeParse(statementId).success) return null;
  const ofMonth = await listIssuedStatementsOfMonth(db(), { accountId, holder, periodStart: choice.period.from });
  return ofMonth.find((row) => row.id === statementId) ?? null;
}

// The statement a download asks for, or null when the user may not read it (or the period or statement is not one):
// the route answers 404 either way, so it tells nothing about other accounts.
export async function statementForDownload(request: Request, holderKey: string): Promise<Download | null> {
  const access = await statementAccessForDownload(holderKey);
  if (!access) return null;
  const { accountId } = access.member;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const timeZone = await getAccountTimeZone(db(), { accountId });
  if (!timeZone) return null;
  const choice = parsePeriodParams(params, { timeZone });
  if (Object.keys(choice.errors).length > 0) return null;
  const [reading, chosen, locale] = await Promise.all([
    readStatement(db(), { accountId, holder: access.holder, period: choice.period }),
    chooseIssued({ accountId, holder: access.holder, choice, statementId: params.statement }),
    getLocale(),
  ]);
  if (!reading || !chosen) return null;
  if (chosen === 'none') return { statement: reading, locale: locale as Locale, issued: null };
  const issued = { amount: chosen.amount, currency: chosen.currency, transferReference: chosen.transferReference, status: chosen.status };
  return { statement: issuedPart(reading, chosen.currency), locale: locale as Locale, issued };
}

export function attachmentHeaders(contentType: string, fileName: string) {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
    'cache-control': 'no-store',
  };
}
