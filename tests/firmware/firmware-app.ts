import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Database } from '@/db/client';
import { chargers, firmwareStatusReports, firmwareUpdates } from '@/db/schema';
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

// The firmware routes up for the test file, APP_URL pointing at them; `origin` is set once they listen.
export function firmwareAppForTests({ onDownload }: { onDownload?: (path: string) => void } = {}) {
  const state = { origin: '' };
  let app: Awaited<ReturnType<typeof startFirmwareApp>>;
  beforeAll(async () => {
    app = await startFirmwareApp({ onDownload });
    state.origin = `http://localhost:${app.port}`;
    vi.stubEnv('APP_URL', state.origin);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await app.close();
  });
  return state;
}

// The statuses the charger reported for its updates, in order.
export async function firmwareHistoryOf(db: Database, chargerId: string) {
  const rows = await db
    .select({ status: firmwareStatusReports.status })
    .from(firmwareStatusReports)
    .innerJoin(firmwareUpdates, eq(firmwareUpdates.id, firmwareStatusReports.updateId))
    .where(eq(firmwareUpdates.chargerId, chargerId))
    .orderBy(asc(firmwareStatusReports.id));
  return rows.map((row) => row.status);
}

export const firmwareVersionOf = async (db: Database, chargerId: string) => (await db.select({ version: chargers.firmwareVersion }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.version;
