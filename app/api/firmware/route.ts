import { startFirmwareUpdate } from '@/lib/firmware/start-update';

export const dynamic = 'force-dynamic';

// The form's answer is an ActionResult, as a server action's would be; the page shows its errors next to the fields.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ status: 'error', formError: 'forbidden' }, { status: 403 });
  return Response.json(await startFirmwareUpdate(request));
}

// Server actions check this themselves; a route handler that acts on the session cookie must do it too.
function isSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
