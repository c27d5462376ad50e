import { statementFileName } from '@/domain/statements/statement-email';
import { statementCsv } from '@/lib/statements/statement-csv';
import { attachmentHeaders, statementForDownload } from '@/lib/statements/download';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: RouteContext<'/statements/[holder]/statement.csv'>) {
  const found = await statementForDownload(request, (await params).holder);
  if (!found) return new Response(null, { status: 404 });
  return new Response(statementCsv(found.statement, found.locale), { headers: attachmentHeaders('text/csv; charset=utf-8', statementFileName(found.locale, found.statement, 'csv')) });
}
