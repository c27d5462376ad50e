import { renderStatementPdf } from '@/domain/statements/pdf';
import { statementFileName } from '@/domain/statements/statement-email';
import { attachmentHeaders, statementForDownload } from '@/lib/statements/download';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: RouteContext<'/statements/[holder]/statement.pdf'>) {
  const found = await statementForDownload(request, (await params).holder);
  if (!found) return new Response(null, { status: 404 });
  const pdf = await renderStatementPdf(found.statement, { locale: found.locale, issued: found.issued });
  return new Response(new Uint8Array(pdf), { headers: attachmentHeaders('application/pdf', statementFileName(found.locale, found.statement, 'pdf')) });
}
