import type { Database } from '../../db/client';
import { sendCommand } from '../commands/send';
import { getPowerSettingsToSend, getSmartChargingLimits, recordPowerOutcome } from '../data/power-settings';
import { applyPowerSettings, type PowerOutcome, type SendProfileCall } from './apply-power-settings';

type Target = { accountId: string; chargerId: string; requestedBy: string };

// Each call waits for its answer before the next is queued: a charger takes one call at a time (OCPP-J 1.6 §4.1.1).
const CALL_WAIT_MS = 8_000;

// The owner's saved settings, sent through the command bus, and the charger's answer recorded.
export async function sendPowerSettingsOverBus(db: Database, { accountId, chargerId, requestedBy }: Target): Promise<PowerOutcome | null> {
  const settings = await getPowerSettingsToSend(db, chargerId);
  if (!settings || settings.accountId !== accountId) return null;
  // An offline charger takes them at its next connection (the provisioning run); nothing to wait for now.
  if (!settings.isOnline) {
    await recordPowerOutcome(db, { chargerId, outcome: 'noAnswer', schedule: null });
    return 'noAnswer';
  }
  const send: SendProfileCall = async (action, payload) => {
    const sent = await sendCommand(db, { accountId, chargerId, action, payload, requestedBy }, { waitMs: CALL_WAIT_MS });
    return sent.ok ? sent.value : { status: 'offline', response: null, error: null };
  };
  const result = await applyPowerSettings(send, { settings, limits: await getSmartChargingLimits(db, chargerId), now: new Date() });
  await recordPowerOutcome(db, { chargerId, ...result });
  return result.outcome;
}
