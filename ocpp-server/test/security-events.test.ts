import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { securityEvents } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { listRecentSecurityEvents } from '../../domain/data/charger-activity';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';

// The OCPP 1.6 security whitepaper's SecurityEventNotification: the charger reports a security event (its type from
// the whitepaper's list or its own, at most 50 characters, and optional techInfo) and expects an empty answer.
const suite = ocppSuite();
const { db } = suite;

const eventsOf = (chargerId: string) => db.select().from(securityEvents).where(eq(securityEvents.chargerId, chargerId)).orderBy(desc(securityEvents.id));

describe('SecurityEventNotification', () => {
  it('answers with an empty conf and stores the event for its charger', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity, strictMode: true });
    const before = new Date();
    expect(await client.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-12-01T10:00:00Z', techInfo: 'lid opened' })).toEqual({});
    expect(await client.call('SecurityEventNotification', { type: 'AcmeFanStalled', timestamp: '2026-12-01T10:05:00+01:00' })).toEqual({});

    const rows = await eventsOf(charger.id);
    expect(rows.map(({ type, occurredAt, techInfo }) => ({ type, occurredAt, techInfo }))).toEqual([
      { type: 'AcmeFanStalled', occurredAt: new Date('2026-12-01T09:05:00Z'), techInfo: null },
      { type: 'TamperDetectionActivated', occurredAt: new Date('2026-12-01T10:00:00Z'), techInfo: 'lid opened' },
    ]);
    expect(rows.every((row) => row.receivedAt >= before)).toBe(true);
    expect(await eventsOf(suite.fixture.charger.id)).toEqual([]);
  });

  it("lists a charger's recent events, newest first, only to its own account", async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    for (const minute of ['01', '03', '02']) await client.call('SecurityEventNotification', { type: 'SettingSystemTime', timestamp: `2026-12-01T10:${minute}:00Z` });
    const scope = { accountId: suite.fixture.account.id, chargerId: charger.id };
    expect((await listRecentSecurityEvents(db, { ...scope, limit: 2 })).map((event) => event.occurredAt.toISOString())).toEqual([
      '2026-12-01T10:03:00.000Z',
      '2026-12-01T10:02:00.000Z',
    ]);
    const stranger = await makeAccount(db);
    expect(await listRecentSecurityEvents(db, { accountId: stranger.id, chargerId: charger.id })).toEqual([]);
  });

  it('refuses a type longer than 50 characters as the schema does', async () => {
    const client = await suite.connect(suite.server, { identity: suite.fixture.charger.identity });
    await expect(client.call('SecurityEventNotification', { type: 'X'.repeat(51), timestamp: new Date().toISOString() })).rejects.toMatchObject({
      rpcErrorCode: 'FormationViolation',
    });
  });

  it('stores the events a simulated charger sends at boot', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    await startSimulator(suite.server, { identity: charger.identity, securityEventsAtBoot: [{ type: 'StartupOfTheDevice' }, { type: 'FirmwareUpdated', techInfo: 'sim-1.0' }] });
    const rows = await waitFor(async () => {
      const stored = await eventsOf(charger.id);
      return stored.length === 2 && stored;
    });
    expect(rows.map((row) => [row.type, row.techInfo])).toEqual([
      ['FirmwareUpdated', 'sim-1.0'],
      ['StartupOfTheDevice', null],
    ]);
  });
});
