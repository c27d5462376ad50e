import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/firmware/route';
import { GET } from '@/app/api/firmware/[token]/[fileName]/route';
import { chargers, firmwareUpdates, memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { newToken } from '@/domain/crypto/token';
import { createFirmwareUpdate } from '@/domain/data/firmware';
import { FIRMWARE_MAX_BYTES } from '@/domain/firmware/limits';
import { testDb } from '@/ocpp-server/test/helpers';
import { signInAs } from '../cards/action-support';
import { firmwareForm } from './firmware-app';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, sql } = testDb();
afterAll(() => sql.end());

const ORIGIN = 'http://platform.test';

async function ownerWithCharger({ isOnline = true } = {}) {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id });
  if (isOnline) await db.update(chargers).set({ isOnline: true }).where(eq(chargers.id, charger.id));
  return { owner, account, charger };
}

async function storedFile({ expiresInMs }: { expiresInMs: number }) {
  const { owner, account, charger } = await ownerWithCharger();
  const { token, tokenHash } = newToken();
  const content = randomBytes(5000);
  const file = { name: 'fw.bin', content, tokenHash, tokenExpiresAt: new Date(Date.now() + expiresInMs) };
  await createFirmwareUpdate(db, { accountId: account.id, chargerId: charger.id, requestedBy: owner.id, retrieveAt: new Date(), retries: 1, retryIntervalSeconds: 0, file });
  return { token, content };
}

const download = (token: string) => GET(new Request(`${ORIGIN}/api/firmware/${token}/fw.bin`), { params: Promise.resolve({ token, fileName: 'fw.bin' }) });

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return POST(new Request(`${ORIGIN}/api/firmware`, { method: 'POST', body, headers: { origin: ORIGIN, host: 'platform.test', ...headers }, duplex: 'half' } as RequestInit));
}

describe('the firmware download link', () => {
  it('gives the stored bytes for a valid token, and 404 for an unknown or expired one', async () => {
    const valid = await storedFile({ expiresInMs: 60_000 });
    const response = await download(valid.token);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(valid.content)).toBe(true);

    expect((await download(newToken().token)).status).toBe(404);
    const expired = await storedFile({ expiresInMs: -1 });
    expect((await download(expired.token)).status).toBe(404);
  });
});

describe('the firmware form', () => {
  it('asks for a file or an address, refuses a non-http address and both at once, next to the fields', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const claim = { accountId: account.id, chargerId: charger.id };
    const errorsOf = async (fields: Record<string, string | File>) => ((await (await post(firmwareForm({ ...claim, ...fields }))).json()) as { fieldErrors?: unknown }).fieldErrors;

    expect(await errorsOf({})).toEqual({ firmwareFile: ['firmwareMissing'] });
    expect(await errorsOf({ firmwareUrl: 'ftp://files.example/fw.bin' })).toEqual({ firmwareUrl: ['firmwareUrlInvalid'] });
    expect(await errorsOf({ firmwareUrl: 'javascript:alert(1)' })).toEqual({ firmwareUrl: ['firmwareUrlInvalid'] });
    expect(await errorsOf({ firmwareUrl: 'https://files.example/fw.bin', firmwareFile: new File(['x'], 'fw.bin') })).toEqual({ firmwareUrl: ['firmwareFileOrUrl'] });
    expect(await errorsOf({ firmwareFile: new File([], 'empty.bin') })).toEqual({ firmwareFile: ['firmwareFileEmpty'] });
    expect(await errorsOf({ firmwareUrl: 'https://files.example/fw.bin', retrieveAt: 'tomorrow' })).toEqual({ retrieveAt: ['dateInvalid'] });
    expect(await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id))).toHaveLength(0);
  });

  it('refuses a file over the limit, whether the request says its length or streams it without one', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const tooLarge = { status: 'error', fieldErrors: { firmwareFile: ['firmwareTooLarge'] } };
    expect(await (await post('x', { 'content-length': String(FIRMWARE_MAX_BYTES + 1_000_000) })).json()).toMatchObject(tooLarge);

    const megabyte = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(megabyte);
      },
    });
    expect(await (await post(endless, { 'content-type': 'multipart/form-data; boundary=x' })).json()).toMatchObject(tooLarge);
    expect(sent).toBeLessThan(70);

    const oversize = new File([new Uint8Array(FIRMWARE_MAX_BYTES + 1)], 'big.bin');
    expect(await (await post(firmwareForm({ accountId: account.id, chargerId: charger.id, firmwareFile: oversize }))).json()).toMatchObject(tooLarge);
    expect(await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id))).toHaveLength(0);
  });

  it('tells the user an offline charger cannot take the update, and lets no one outside the account start one', async () => {
    const offline = await ownerWithCharger({ isOnline: false });
    const online = await ownerWithCharger();
    const outsider = await makeUser(db, { emailVerifiedAt: new Date() });
    const url = { firmwareUrl: 'https://files.example/fw.bin' };
    const answer = async (claim: { accountId: string; chargerId: string }) => (await post(firmwareForm({ ...claim, ...url }))).json();

    signInAs(offline.owner);
    expect(await answer({ accountId: offline.account.id, chargerId: offline.charger.id })).toMatchObject({ status: 'error', formError: 'firmwareChargerOffline' });
    expect(await answer({ accountId: offline.account.id, chargerId: online.charger.id })).toMatchObject({ status: 'error', formError: 'notFound' });

    signInAs(outsider);
    expect(await answer({ accountId: online.account.id, chargerId: online.charger.id })).toMatchObject({ status: 'error', formError: 'forbidden' });
    const member = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: online.account.id, userId: member.id, role: 'member' });
    signInAs(member);
    const crossSite = await POST(new Request(`${ORIGIN}/api/firmware`, { method: 'POST', body: firmwareForm({ accountId: online.account.id, chargerId: online.charger.id, ...url }), headers: { origin: 'https://evil.example', host: 'platform.test' } }));
    expect(crossSite.status).toBe(403);
    for (const { charger } of [offline, online]) expect(await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id))).toHaveLength(0);
  });
});
