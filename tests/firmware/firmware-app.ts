import { POST } from '@/app/api/firmware/route';
import { GET } from '@/app/api/firmware/[token]/[fileName]/route';
import { startAppServer } from '../support/app-server';

// The web app's firmware routes as Next.js would route them: the form's POST, and the downloads under it.
export async function startFirmwareApp({ onDownload }: { onDownload?: (path: string) => void } = {}) {
  return startAppServer({
    '/api/firmware': async (request) => {
      if (request.method === 'POST') return POST(request);
      const path = new URL(request.url).pathname;
      onDownload?.(path);
      const [token = '', fileName = ''] = path.split('/').slice(3);
      return GET(request, { params: Promise.resolve({ token, fileName }) });
    },
  });
}

export function firmwareForm(fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
