import { z } from 'zod';
import { getDiagnosticsFile } from '@/domain/data/diagnostics';
import { canManageAccount } from '@/domain/people/roles';
import { getMembership } from '@/lib/authz';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

// A charger's diagnostics file, for owners and co-owners of the account that owns the charger; to anyone else it does not exist.
export async function GET(_request: Request, { params }: { params: Promise<{ chargerId: string; requestId: string }> }) {
  const { chargerId, requestId } = await params;
  if (!z.uuid().safeParse(chargerId).success || !z.uuid().safeParse(requestId).success) return notFound();
  const file = await getDiagnosticsFile(db(), { chargerId, requestId });
  const member = file && (await getMembership(file.accountId));
  if (!file || !member || !canManageAccount(member.role)) return notFound();
  const asciiName = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
