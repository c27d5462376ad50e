import { and, desc, eq, gt } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chargerCommands, chargers, ocppMessages, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { enqueueCommand } from '../../domain/commands/enqueue';
import { sendCommand } from '../../domain/commands/send';
import { OFFLINE_RECHECK_MS } from '../src/commands/dispatch';
import type { OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';
import { createRPCError } from '../src/ocpp/rpc';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;

beforeAll(async () => {
  server = await startTestServer({ callTimeoutMs: 700 });
  fixture = await makeChargerFixture(db);
});

afterEach(() => stopSimulators());

afterAll(async () => {
  await server?.close();
  await sql.end();
});

const commandInput = (chargerId: string) => ({ accountId: fixture.account.id, chargerId, requestedBy: fixture.account.owner.id });

describe('command bus', () => {
  it('delivers a remote start and stop to the charger and brings the answers back', async () => {
    const charger = await startSimulator(server, { identity: fixture.charger.identity, connectors: 2 });
    const card = await makeCard(db, { accountId: fixture.account.id, kind: 'virtual', userId: fixture.account.owner.id });

    const started = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 1 } });
    expect(started).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const session = await waitFor(async () => (await db.select().from(transactions).where(eq(transactions.cardId, card.id)))[0]);
    expect(session).toMatchObject({ isRemoteStarted: true, authorizationStatus: 'Accepted', userId: fixture.account.owner.id, connectorId: 1 });

    await charger.queue.drained();
    const stopped = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'RemoteStopTransaction', payload: { transactionId: session.id } });
    expect(stopped.ok && stopped.value.status).toBe('accepted');
    const closed = await waitFor(async () => (await db.select().from(transactions).where(eq(transactions.id, session.id)))[0]?.stoppedAt && true);
    expect(closed).toBe(true);
    const [row] = await db.select().from(transactions).where(eq(transactions.id, session.id));
    expect(row).toMatchObject({ stopReason: 'Remote', stopIdTag: card.idTag });
  });

  it('returns the charger payload of GetConfiguration and a rejection as rejected', async () => {
    await startSimulator(server, { identity: fixture.charger.identity });
    const configuration = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'GetConfiguration', payload: { key: ['HeartbeatInterval', 'Nope'] } });
    expect(configuration).toMatchObject({ ok: true, value: { status: 'accepted', response: { configurationKey: [{ key: 'HeartbeatInterval', value: '300' }], unknownKey: ['Nope'] } } });
    const stop = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'RemoteStopTransaction', payload: { transactionId: 424242 } });
    expect(stop).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Rejected' } });
  });

  it('delivers a command sent while the charger\'s connection is still being written, instead of calling it offline', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    // Holding the charger's row keeps the server from writing the connection, as a busy database would.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = sql.begin(async (tx) => {
      await tx`select 1 from chargers where id = ${charger.id} for no key update`;
      locked();
      await released;
    });
    await isLocked;
    const client = await connectClient(server, { identity: charger.identity });
    client.handle('GetConfiguration', async () => ({ configurationKey: [] }));
    try {
      const sending = sendCommand(db, { ...commandInput(charger.id), action: 'GetConfiguration', payload: {} });
      await waitFor(async () => (await db.$count(chargerCommands, eq(chargerCommands.chargerId, charger.id))) > 0);
      // The command's NOTIFY has reached the server, which had its chance to call it offline.
      await sleep(500);
      release();
      await holder;
      expect(await sending).toMatchObject({ ok: true, value: { status: 'accepted', response: { configurationKey: [] } } });
    } finally {
      release();
      await client.close({ force: true });
    }
  });

  it('keeps an answer holding a NUL character, with U+FFFD in its place, instead of leaving the command sent', async () => {
    const client = await connectClient(server, { identity: fixture.charger.identity });
    client.handle('GetConfiguration', async () => ({ configurationKey: [{ key: 'Vendor', readonly: true, value: 'A\u0000B' }] }));
    try {
      const outcome = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'GetConfiguration', payload: {} });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { configurationKey: [{ key: 'Vendor', value: 'A\uFFFDB' }] } } });
    } finally {
      await client.close({ force: true });
    }
  });

  it('keeps a CALLERROR whose description holds a NUL character as failed, with U+FFFD in its place', async () => {
    const client = await connectClient(server, { identity: fixture.charger.identity });
    client.handle('GetLog', async () => {
      throw createRPCError('NotImplemented', 'no\u0000log');
    });
    try {
      const outcome = await sendCommand(db, {
        ...commandInput(fixture.charger.id),
        action: 'GetLog',
        payload: { logType: 'SecurityLog', requestId: 1, log: { remoteLocation: 'https://example.test/upload' } },
      });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'failed', error: 'NotImplemented: no\uFFFDlog' } });
    } finally {
      await client.close({ force: true });
    }
  });

  it('triggers a message about one connector: the charger reports that connector alone', async () => {
    // A charger of its own: no frame another test's charger sends under the shared identity can land in its log.
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const newestLogged = async () => (await db.select({ id: ocppMessages.id }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(desc(ocppMessages.id)).limit(1))[0]?.id ?? 0;
    let lastId = 0;
    await startSimulator(server, { identity: charger.identity, connectors: 2 });
    const reportsSince = async (action: string) =>
      (await db.select({ payload: ocppMessages.payload }).from(ocppMessages).where(and(eq(ocppMessages.chargerId, charger.id), eq(ocppMessages.action, action), eq(ocppMessages.direction, 'in'), eq(ocppMessages.messageType, 'call'), gt(ocppMessages.id, lastId))))
        .map((row) => (row.payload as { connectorId: number }).connectorId);

    // The statuses of every connector it sends after its boot, before anything is asked of it.
    await waitFor(async () => {
      const reported = await reportsSince('StatusNotification');
      return [0, 1, 2].every((id) => reported.includes(id));
    });
    lastId = await newestLogged();

    const status = await sendCommand(db, { ...commandInput(charger.id), action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification', connectorId: 2 } });
    expect(status).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const meter = await sendCommand(db, { ...commandInput(charger.id), action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues', connectorId: 1 } });
    expect(meter).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await reportsSince('MeterValues')).length > 0);
    await waitFor(async () => (await reportsSince('StatusNotification')).length > 0);
    expect(await reportsSince('StatusNotification')).toEqual([2]);
    expect(await reportsSince('MeterValues')).toEqual([1]);

    const beyond = await sendCommand(db, { ...commandInput(charger.id), action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification', connectorId: 3 } });
    expect(beyond).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Rejected' } });
  });

  it('sends a vendor DataTransfer and brings back the charger’s status and data', async () => {
    await startSimulator(server, { identity: fixture.charger.identity });
    const echoed = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'DataTransfer', payload: { vendorId: 'Chargewatch', messageId: 'Echo', data: '{"ping":1}' } });
    expect(echoed).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted', data: '{"ping":1}' } } });
    const unknownMessage = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'DataTransfer', payload: { vendorId: 'Chargewatch', messageId: 'Nope' } });
    expect(unknownMessage).toMatchObject({ ok: true, value: { status: 'rejected', error: 'UnknownMessageId' } });
    const unknownVendor = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'DataTransfer', payload: { vendorId: 'Elsewhere' } });
    expect(unknownVendor).toMatchObject({ ok: true, value: { status: 'rejected', error: 'UnknownVendorId' } });
    const [row] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, echoed.ok ? echoed.value.id : ''));
    expect(row).toMatchObject({ action: 'DataTransfer', payload: { vendorId: 'Chargewatch', messageId: 'Echo', data: '{"ping":1}' }, response: { status: 'Accepted', data: '{"ping":1}' } });
  });

  // Another process has just taken the charger's socket and not yet written it online (its next group commit does):
  // that write lands 100 ms after the command, well within the re-check, and the command is left to that process.
  it('does not end as offline a command to a charger whose connection another process is about to write', async () => {
    const connecting = await makeCharger(db, { accountId: fixture.account.id });
    const queued = await enqueueCommand(db, { ...commandInput(connecting.id), action: 'ClearCache', payload: {} });
    await sleep(100);
    await db.update(chargers).set({ isOnline: true, instanceId: 'another-process', connectedAt: new Date() }).where(eq(chargers.id, connecting.id));
    await sleep(OFFLINE_RECHECK_MS + 1_000);
    const [row] = await db.select({ status: chargerCommands.status }).from(chargerCommands).where(eq(chargerCommands.id, queued.ok ? queued.value.id : ''));
    expect(row?.status).toBe('pending');
  });

  it('ends a command to an offline charger as offline once it still is a moment later', async () => {
    const offline = await makeCharger(db, { accountId: fixture.account.id });
    // A wait bound no test run reaches: the caller can only get `offline` from the server's answer (its row and the
    // NOTIFY that wakes the caller), never from the bound running out; without that answer the test times out.
    const outcome = await sendCommand(db, { ...commandInput(offline.id), action: 'Reset', payload: { type: 'Soft' } }, { waitMs: 60 * 60_000 });
    expect(outcome.ok && outcome.value.status).toBe('offline');
  });

  it('ends a command the charger ignores as timeout', async () => {
    await startSimulator(server, { identity: fixture.charger.identity, ignoreActions: ['UnlockConnector'] });
    const outcome = await sendCommand(db, { ...commandInput(fixture.charger.id), action: 'UnlockConnector', payload: { connectorId: 1 } });
    expect(outcome.ok && outcome.value.status).toBe('timeout');
  });

  it('fails a payload that violates the OCPP schema without sending it', async () => {
    await startSimulator(server, { identity: fixture.charger.identity });
    const outcome = await sendCommand(db, {
      ...commandInput(fixture.charger.id),
      action: 'ChangeAvailability',
      payload: { connectorId: 1, type: 'Sideways' as 'Operative' },
    });
    expect(outcome.ok && outcome.value.status).toBe('failed');
  });

  it('queues nothing for a charger of another account', async () => {
    const other = await makeChargerFixture(db);
    expect(await sendCommand(db, { ...commandInput(other.charger.id), action: 'ClearCache', payload: {} })).toEqual({ ok: false, reason: 'notFound' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, other.charger.id))).toEqual([]);
  });

  it('returns a still pending command after the wait bound, and expires it later', async () => {
    // Flagged online by a process that no longer exists: nobody claims it and nobody may call it offline.
    const ghost = await makeCharger(db, { accountId: fixture.account.id, isOnline: true, instanceId: 'ghost' });
    const outcome = await sendCommand(db, { ...commandInput(ghost.id), action: 'ClearCache', payload: {}, ttlMs: 1 }, { waitMs: 200 });
    expect(outcome.ok && outcome.value.status).toBe('pending');
    await server.listener.sweep();
    const [row] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, outcome.ok ? outcome.value.id : ''));
    expect(row?.status).toBe('expired');
  });

  it('keeps a command enqueued while the OCPP server is down and delivers it after the restart', async () => {
    const own = await startTestServer();
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const simulated = await startSimulator(own, { identity: charger.identity });
    await own.close();
    // With no OCPP server listening the NOTIFY reaches nobody; the row alone is left. (Other test files'
    // servers share this database, so the row is written without NOTIFY to stand for that.)
    const [queued] = await db
      .insert(chargerCommands)
      .values({ ...commandInput(charger.id), action: 'ClearCache', payload: {}, expiresAt: new Date(Date.now() + 60_000) })
      .returning({ id: chargerCommands.id });

    const restarted = await startTestServer({ port: own.port, instanceId: own.instanceId });
    try {
      const row = await waitFor(async () => {
        const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, queued!.id));
        return command?.status === 'accepted' && command;
      });
      expect(row.claimedBy).toBe(own.instanceId);
      expect(simulated.isConnected).toBe(true);
    } finally {
      await stopSimulators();
      await restarted.close();
    }
  });
});
