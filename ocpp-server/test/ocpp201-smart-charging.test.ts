import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transactions } from '../../db/schema';
import { waitFor } from './helpers';
import { smartChargingChargers, txDefault } from './smart-charging-chargers';
import { ocppSuite } from './suite';

// What only a 2.0.1 charger does with the owner's profile and reset commands; smart-charging.test.ts has what both
// protocols do alike.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;
const { v201 } = smartChargingChargers(suite);

describe('charging profiles to a 2.0.1 charger over the command bus', () => {
  it('fails a TxProfile for a session the charger has no transaction id for, sending nothing', async () => {
    const { send, simulator } = await v201.start();
    const answer = await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(5_000, { chargingProfilePurpose: 'TxProfile', transactionId: 2_000_000_000 }) });
    expect(answer).toMatchObject({ status: 'failed', error: expect.stringMatching(/^GenericError:/) });
    expect(simulator.receivedCalls).not.toContain('SetChargingProfile');
  });
});

describe('an owner’s reset of a 2.0.1 charger', () => {
  it('sends a Soft reset as Immediate: the running session ends and the charger boots again, as a 1.6 Soft reset does', async () => {
    const { simulator, send, charge } = await v201.start();
    const sessionId = await charge();
    const rebooted = new Promise((resolve) => simulator.once('rebooted', resolve));
    expect(await send('Reset', { type: 'Soft' })).toMatchObject({ status: 'accepted' });
    await rebooted;
    const ended = await waitFor(async () => {
      const [row] = await db.select().from(transactions).where(eq(transactions.id, sessionId));
      return row?.stoppedAt && row;
    });
    expect(ended.stopReason).toBe('ImmediateReset');
  });
});
