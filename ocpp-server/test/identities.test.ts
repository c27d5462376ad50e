import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { killAllServers, spawnServer, type ChildServer } from './child-server';
import { connectClient, testDb } from './helpers';
import { upgradeStatus } from './raw-http';

const { db, sql } = testDb();
const tag = randomBytes(3).toString('hex').toUpperCase();
const plain = `ID-${tag}`;
const withColon = `ID-${tag}:A`;
const longest = `ID-${tag}-`.padEnd(48, 'L');
let server: ChildServer;
let ids: Record<string, string>;

beforeAll(async () => {
  const account = await makeAccount(db);
  const rows = await Promise.all([plain, withColon, longest, `${plain}-B`].map((identity) => makeCharger(db, { accountId: account.id, identity })));
  ids = Object.fromEntries(rows.map((row) => [row.identity, row.id]));
  server = await spawnServer({ instanceId: `identities-${tag}` });
});

afterAll(async () => {
  await killAllServers();
  await sql.end();
});

const encodeEvery = (text: string) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');

// Boots over the path as given and returns the chargers whose row took the boot.
async function bootedChargers(path: string) {
  const model = `probe-${randomBytes(4).toString('hex')}`;
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, ['ocpp1.6']);
  await once(socket, 'open');
  const reply = once(socket, 'message');
  socket.send(JSON.stringify([2, 'boot', 'BootNotification', { chargePointVendor: 'Probe', chargePointModel: model }]));
  expect(JSON.parse(String((await reply)[0]))).toMatchObject([3, 'boot', { status: 'Accepted' }]);
  socket.terminate();
  const rows = await db.select({ id: chargers.id }).from(chargers).where(eq(chargers.model, model));
  return rows.map((row) => row.id);
}

describe('charge point identities in the connection URL', () => {
  it.each([
    ['the identity as registered', `/ocpp/${plain}`, plain],
    ['every byte percent-encoded', `/ocpp/${encodeEvery(plain)}`, plain],
    ['a query string, which is not part of the identity', `/ocpp/${plain}?identity=${plain}-B&x=%FF`, plain],
    ['a colon, raw or encoded', `/ocpp/${withColon.replace(':', '%3A')}`, withColon],
    ['48 characters', `/ocpp/${longest}`, longest],
    ['dot-segments before it, resolved like any URL', `/ocpp/other/../${plain}`, plain],
  ])('accepts %s as exactly that charger', async (_case, path, identity) => {
    expect(await upgradeStatus(server.port, path)).toBe(101);
    expect(await bootedChargers(path)).toEqual([ids[identity]]);
  });

  it.each([
    ['another case', `/ocpp/${plain.toLowerCase()}`, 404],
    ['a prefix of a registered identity', `/ocpp/${plain.slice(0, -1)}`, 404],
    ['an encoded slash joining two identities', `/ocpp/${plain}%2F${plain}-B`, 400],
    ['a second path segment', `/ocpp/${plain}/${plain}-B`, 404],
    ['nothing', '/ocpp/', 400],
    ['no identity segment', '/ocpp', 404],
    ['a dot-segment', '/ocpp/..', 404],
    ['an encoded dot-segment', '/ocpp/%2e%2e', 404],
    ['a dot-segment after it', `/ocpp/${plain}/..`, 400],
    ['49 characters', `/ocpp/${longest}X`, 400],
    ['5,000 characters', `/ocpp/${'X'.repeat(5000)}`, 400],
    ['more than the request line allows', `/ocpp/${'X'.repeat(20_000)}`, 431],
    ['percent-encoded unicode', `/ocpp/${encodeURIComponent(`Č${plain.slice(1)}`)}`, 400],
    ['a fullwidth lookalike', `/ocpp/${encodeURIComponent(plain.replace('I', 'Ｉ'))}`, 400],
    ['an encoded NUL', `/ocpp/${plain}%00`, 400],
    ['an encoded space', `/ocpp/${plain}%20`, 400],
    ['a malformed escape', '/ocpp/%FF', 400],
    ['a truncated escape', `/ocpp/${plain}%E0%A4%A`, 400],
    ['a path that is no URL path', '[', 400],
    ['another endpoint', `/OCPP/${plain}`, 404],
    ['an absolute URL for another host', `http://elsewhere.example/ocpp/${plain}`, 404],
  ])('refuses %s at the upgrade', async (_case, path, status) => {
    expect(await upgradeStatus(server.port, path)).toBe(status);
  });

  it('is still up and serving registered chargers after all of them', async () => {
    expect(server.child.exitCode).toBeNull();
    const client = await connectClient(server, { identity: plain });
    expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
    await client.close({ force: true });
    // Named in a query string, after an encoded slash and as a second segment above: never let in.
    const [untouched] = await db.select().from(chargers).where(eq(chargers.id, ids[`${plain}-B`]!));
    expect(untouched).toMatchObject({ lastBootAt: null, connectedAt: null, model: null });
  });
});
