import { and, eq, gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, ocppMessages, securityExtensionSupport } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import type { CommandPayloads } from '../../domain/commands/actions';
import { sendCommand } from '../../domain/commands/send';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db } = suite;

async function onlineCharger(options: { supportsSecurityExtension?: boolean } = {}) {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, connectors: 2, ...options });
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  return { charger, simulator };
}

const trigger = (chargerId: string, payload: CommandPayloads['ExtendedTriggerMessage']) =>
  sendCommand(db, { accountId: suite.fixture.account.id, chargerId, action: 'ExtendedTriggerMessage', payload, requestedBy: suite.fixture.account.owner.id });

async function newestMessageId(chargerId: string) {
  const rows = await db.select({ id: ocppMessages.id }).from(ocppMessages).where(eq(ocppMessages.chargerId, chargerId));
  return Math.max(0, ...rows.map((row) => row.id));
}

// The calls the charger made after `sinceId`, as [action, payload].
async function callsSince(chargerId: string, sinceId: number) {
  const rows = await db
    .select({ action: ocppMessages.action, payload: ocppMessages.payload })
    .from(ocppMessages)
    .where(and(eq(ocppMessages.chargerId, chargerId), eq(ocppMessages.direction, 'in'), eq(ocppMessages.messageType, 'call'), gt(ocppMessages.id, sinceId)))
    .orderBy(ocppMessages.id);
  return rows.map((row) => [row.action, row.payload] as const);
}

describe('ExtendedTriggerMessage', () => {
  it('makes the charger send each message asked for, about the connector named', async () => {
    const { charger } = await onlineCharger();
    await waitFor(async () => (await callsSince(charger.id, 0)).filter(([action]) => action === 'StatusNotification').length === 3);
    const cases = [
      ['BootNotification', undefined, 'BootNotification'],
      ['Heartbeat', undefined, 'Heartbeat'],
      ['StatusNotification', 2, 'StatusNotification'],
      ['MeterValues', 1, 'MeterValues'],
      ['LogStatusNotification', undefined, 'LogStatusNotification'],
      ['FirmwareStatusNotification', undefined, 'SignedFirmwareStatusNotification'],
    ] as const;
    for (const [requestedMessage, connectorId, sent] of cases) {
      const since = await newestMessageId(charger.id);
      const answer = await trigger(charger.id, { requestedMessage, ...(connectorId !== undefined && { connectorId }) });
      expect(answer, requestedMessage).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
      const calls = await waitFor(async () => {
        const found = (await callsSince(charger.id, since)).filter(([action]) => action === sent);
        return found.length > 0 ? found : null;
      });
      if (connectorId !== undefined) expect(calls.map(([, payload]) => (payload as { connectorId: number }).connectorId)).toEqual([connectorId]);
    }
    const since = await newestMessageId(charger.id);
    await trigger(charger.id, { requestedMessage: 'FirmwareStatusNotification' });
    const [signed] = await waitFor(async () => {
      const found = (await callsSince(charger.id, since)).filter(([action]) => action === 'SignedFirmwareStatusNotification');
      return found.length > 0 ? found : null;
    });
    expect(signed![1]).toEqual({ status: 'Idle' });
  });

  it("brings back the charger's refusal of a connector it does not have", async () => {
    const { charger } = await onlineCharger();
    expect(await trigger(charger.id, { requestedMessage: 'StatusNotification', connectorId: 3 })).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'Rejected' } } });
  });

  it('notes a charger that answers with a NotImplemented CALLERROR as lacking the security extension', async () => {
    const { charger } = await onlineCharger({ supportsSecurityExtension: false });
    expect(await trigger(charger.id, { requestedMessage: 'Heartbeat' })).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringMatching(/^NotImplemented:/) } });
    expect((await db.select().from(securityExtensionSupport).where(eq(securityExtensionSupport.chargerId, charger.id)))[0]).toMatchObject({ isSupported: false, evidence: 'ExtendedTriggerMessage: NotImplemented' });
  });
});
