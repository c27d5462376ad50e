import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers, ocppMessages } from '../../db/schema';
import { createLogger } from '../src/logger';
import { createMessageLog } from '../../domain/data/charger-traffic/message-log';
import type { OcppServer } from '../src/start';
import { connectClient, endpoint, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;

beforeAll(async () => {
  server = await startTestServer({ pingIntervalMs: 150 });
  fixture = await makeChargerFixture(db);
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

const chargerRow = async (id: string) => (await db.select().from(chargers).where(eq(chargers.id, id)))[0]!;

describe('connections', () => {
  it('replaces the first connection by a second one for the same identity and stays online', async () => {
    const first = await connectClient(server, { identity: fixture.charger.identity });
    const closed = once(first, 'close');
    const second = await connectClient(server, { identity: fixture.charger.identity });
    await closed;
    expect(await second.call('Heartbeat', {})).toHaveProperty('currentTime');
    expect(server.connections.size).toBeGreaterThanOrEqual(1);
    expect(await chargerRow(fixture.charger.id)).toMatchObject({ isOnline: true, instanceId: server.instanceId });
    await second.close();
    const offline = await waitFor(async () => {
      const row = await chargerRow(fixture.charger.id);
      return !row.isOnline && row;
    });
    expect(offline.disconnectedAt).toBeInstanceOf(Date);
  });

  it('drops a connection that stops answering pings', async () => {
    const socket = new WebSocket(`${endpoint(server)}/${fixture.charger.identity}`, ['ocpp1.6'], { autoPong: false });
    await once(socket, 'open');
    await waitFor(async () => (await chargerRow(fixture.charger.id)).isOnline);
    const [code] = await once(socket, 'close');
    expect(code).toBe(1006);
    await waitFor(async () => !(await chargerRow(fixture.charger.id)).isOnline);
  });

  it('trims the message log to the last messages of each charger', async () => {
    const log = createMessageLog({ db, log: createLogger('silent'), keepPerCharger: 5 });
    for (let index = 0; index < 12; index++) {
      log.record({ chargerId: fixture.charger.id, direction: 'in', messageType: 'call', action: 'Heartbeat', messageId: `trim-${index}`, payload: {}, createdAt: new Date() });
    }
    await log.close();
    const rows = await db.select().from(ocppMessages).where(eq(ocppMessages.chargerId, fixture.charger.id)).orderBy(ocppMessages.id);
    expect(rows.map((row) => row.messageId)).toEqual(['trim-7', 'trim-8', 'trim-9', 'trim-10', 'trim-11']);
  });

  it('serves wss:// when a certificate is configured (Security Profile 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocpp-tls-'));
    const [certPath, keyPath] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost'], {
      stdio: 'ignore',
    });
    const cert = readFileSync(certPath);
    const tlsServer = await startTestServer({ tls: { cert, key: readFileSync(keyPath) } });
    try {
      const socket = new WebSocket(`wss://localhost:${tlsServer.port}/ocpp/${fixture.charger.identity}`, ['ocpp1.6'], { ca: cert });
      await once(socket, 'open');
      const reply = once(socket, 'message');
      socket.send(JSON.stringify([2, 'tls-1', 'Heartbeat', {}]));
      expect(JSON.parse(String((await reply)[0]))[0]).toBe(3);
      socket.terminate();
    } finally {
      await tlsServer.close();
    }
  });
});
