import { receiveDiagnosticsUpload } from '@/domain/diagnostics/upload';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string; fileName?: string[] }> };

// Chargers upload the file their GetDiagnostics asked for here, with PUT or POST; the token in the path is the only
// credential (proxy.ts leaves this path alone, so the body reaches the route unbuffered and whole).
async function upload(request: Request, { params }: Context) {
  const { token, fileName } = await params;
  const status = await receiveDiagnosticsUpload(db(), {
    token,
    pathName: fileName?.at(-1),
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    // Node's web streams are async iterables; the DOM typings do not say so.
    body: request.body as AsyncIterable<Uint8Array> | null,
  });
  return new Response(null, { status, headers: { 'cache-control': 'no-store' } });
}

export const PUT = upload;
export const POST = upload;
