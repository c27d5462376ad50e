import { getCurrentMembership, getMembership, ownSessionsOnly } from '@/lib/authz';
import { csvStream } from '@/lib/sessions/export-csv';
import { exportContext } from '@/lib/sessions/export-labels';
import { exportCursor } from '@/domain/data/session-export';
import { parseSessionFilters } from '@/lib/sessions/filters';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

// The account is the one the user works in, or an accountId they name, which is only a claim
// until their membership confirms it.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const claimed = params.get('accountId');
  const member = claimed === null ? await getCurrentMembership() : await getMembership(claimed);
  if (!member) return new Response(null, { status: 403 });
  const onlyUserId = ownSessionsOnly(member);
  const filters = { ...parseSessionFilters(params), ...(onlyUserId ? { userId: onlyUserId } : {}) };

  const { labels, timeZone, fileName } = await exportContext();
  const rows = exportCursor(db(), { accountId: member.accountId, timeZone, filters });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(rows, labels), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
