import { hashToken } from '@/domain/crypto/token';
import { getFirmwareFileByToken } from '@/domain/data/firmware';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

// What a charger downloads after UpdateFirmware: no session, the unguessable token in the path is the permission,
// until it expires. The file name after it is only for the charger.
export async function GET(_request: Request, { params }: RouteContext<'/api/firmware/[token]/[fileName]'>) {
  const { token } = await params;
  const file = token.length <= 100 ? await getFirmwareFileByToken(db(), { tokenHash: hashToken(token), now: new Date() }) : null;
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(file.content.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName ?? 'firmware.bin')}`,
      'cache-control': 'no-store',
    },
  });
}
