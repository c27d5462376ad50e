import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { firmwareFiles, firmwareUpdates } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { newToken } from '../../domain/crypto/token';
import { createFirmwareUpdate } from '../../domain/data/firmware';
import type { OcppServer } from '../src/start';
import { startTestServer, testDb, waitFor } from './helpers';

const { db, sql } = testDb();
let server: OcppServer | undefined;

afterAll(async () => {
  await server?.close();
  await sql.end();
});

async function uploadedUpdate({ linkExpiresInMs }: { linkExpiresInMs: number }) {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id });
  const file = { name: 'fw.bin', content: Buffer.from('firmware image'), tokenHash: newToken().tokenHash, tokenExpiresAt: new Date(Date.now() + linkExpiresInMs) };
  return createFirmwareUpdate(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id, retrieveAt: new Date(), retries: 1, retryIntervalSeconds: 0, file });
}

const hasFile = async (updateId: string) => (await db.select({ id: firmwareFiles.updateId }).from(firmwareFiles).where(eq(firmwareFiles.updateId, updateId))).length === 1;

describe('uploaded firmware files', () => {
  it('are deleted by the OCPP server once their download link has expired, keeping the update and the live ones', async () => {
    const spent = await uploadedUpdate({ linkExpiresInMs: -1 });
    const live = await uploadedUpdate({ linkExpiresInMs: 60 * 60_000 });
    expect(await hasFile(spent.id)).toBe(true);

    server = await startTestServer();
    await waitFor(async () => !(await hasFile(spent.id)));
    expect(await hasFile(live.id)).toBe(true);
    const [update] = await db.select({ fileName: firmwareUpdates.fileName }).from(firmwareUpdates).where(eq(firmwareUpdates.id, spent.id));
    expect(update).toEqual({ fileName: 'fw.bin' });
  });
});
