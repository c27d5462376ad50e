import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeCharger } from '../../db/seed/builders';
import { generateSecret, hashSecret } from '../../domain/crypto/secret';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, endpoint, makeChargerWithPassword, testConfig, testDb } from './helpers';

const { db, sql } = testDb();
const lines: string[] = [];
const memory = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
let server: OcppServer;

beforeAll(async () => {
  // Everything the server would write, down to its most talkative level.
  server = await startOcppServer(testConfig(), createLogger('trace', memory));
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

function basic(identity: string, password: string) {
  return Buffer.from(`${identity}:${password}`).toString('base64');
}

function expectNotLogged(secrets: string[]) {
  const written = lines.join('');
  expect(written.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(written).not.toContain(secret);
}

describe('the OCPP server log', () => {
  it('never holds a charger password, its hash or its Basic credentials, whether the connect is refused or accepted', async () => {
    const { charger, password, passwordHash } = await makeChargerWithPassword(db);
    const wrong = `${password.slice(0, -4)}XXXX`;

    await expect(connectClient(server, { identity: charger.identity, password: wrong })).rejects.toMatchObject({ code: 401 });
    await expect(connectClient(server, { identity: 'NOT-REGISTERED', password })).rejects.toMatchObject({ code: 404 });
    // A wrong endpoint with credentials, refused before any lookup.
    const stray = new WebSocket(`${endpoint(server).replace('/ocpp', '/elsewhere')}/${charger.identity}`, ['ocpp1.6'], { headers: { authorization: `Basic ${basic(charger.identity, password)}` } });
    await new Promise((resolve) => stray.once('close', resolve).once('error', resolve));

    const client = await connectClient(server, { identity: charger.identity, password });
    await client.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Logs' });
    await client.call('Heartbeat', {});
    await client.close({ force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(lines.join('')).toContain('charger connected');
    expect(lines.join('')).toContain('Unauthorized');
    expectNotLogged([password, wrong, passwordHash, passwordHash.slice('sha256$'.length), basic(charger.identity, password), basic(charger.identity, wrong)]);
  });

  it('writes a failed query without the charger password hash it was sent, but with its SQL and PostgreSQL error code', async () => {
    const { charger } = await makeChargerWithPassword(db);
    const passwordHash = hashSecret(generateSecret());
    const failure = await makeCharger(db, { accountId: charger.accountId, identity: charger.identity, passwordHash }).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const log = createLogger('info', memory);
    const before = lines.length;

    log.error({ err: failure }, 'charger write failed');

    const line = lines.slice(before).join('');
    expectNotLogged([passwordHash, passwordHash.slice('sha256$'.length)]);
    expect(line).not.toMatch(/params/);
    const { err } = JSON.parse(line) as { err: { message: string; query: string; cause: { code: string } } };
    expect(err.message).toMatch(/^Failed query: insert into "chargers"/);
    expect(err.query).toMatch(/^insert into "chargers"/);
    expect(err.cause.code).toBe('23505');
  });

  it('writes a password passed to it by mistake as [redacted]', () => {
    const log = createLogger('info', memory);
    log.warn({ password: 'leaked-on-purpose-1', handshake: { password: 'leaked-on-purpose-2', authorization: 'Basic bGVha2Vk' } }, 'mistake');
    expectNotLogged(['leaked-on-purpose-1', 'leaked-on-purpose-2', 'bGVha2Vk']);
    expect(lines.at(-1)).toContain('[redacted]');
  });
});
