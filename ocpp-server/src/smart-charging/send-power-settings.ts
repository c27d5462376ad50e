import type { Database } from '../../../db/client';
import { getPowerSettingsToSend, getSmartChargingLimits, recordPowerOutcome } from '../../../domain/data/power-settings';
import { applyPowerSettings, type SendProfileCall } from '../../../domain/smart-charging/apply-power-settings';
import { outcomeFromError, outcomeFromResponse } from '../commands/outcome';
import type { V16Requests } from '../ocpp/generated/v16';
import { callV16 } from '../ocpp/v16';

type Caller = Parameters<typeof callV16>[0];

// The owner's power settings again, at each boot and reconnection (a charger may have lost its profiles, or been
// reset to its defaults): straight on the socket the provisioning run holds, one call at a time.
export async function sendPowerSettings(db: Database, client: Caller, { chargerId, callTimeoutMs }: { chargerId: string; callTimeoutMs: number }) {
  const settings = await getPowerSettingsToSend(db, chargerId);
  if (!settings) return null;
  const send: SendProfileCall = async (action, payload) => {
    try {
      // The dispatcher checks at compile time that these CommandPayloads are the 1.6 requests of their actions.
      return outcomeFromResponse(await callV16(client, action, payload as V16Requests[typeof action], { callTimeoutMs }));
    } catch (error) {
      return outcomeFromError(error);
    }
  };
  const result = await applyPowerSettings(send, { settings, limits: await getSmartChargingLimits(db, chargerId), now: new Date() });
  await recordPowerOutcome(db, { chargerId, ...result });
  return result.outcome;
}
