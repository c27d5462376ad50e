import type { Database } from '../../../db/client';
import { getPowerSettingsToSend, getSmartChargingLimits, recordPowerOutcome } from '../../../domain/data/power-settings';
import { applyPowerSettings, type SendProfileCall } from '../../../domain/smart-charging/apply-power-settings';
import { outcomeFromError, outcomeFromResponse } from '../commands/outcome';
import { callAsV201 } from '../commands/v201-requests';
import type { V16Requests } from '../ocpp/generated/v16';
import { callV16 } from '../ocpp/v16';

type Caller = Parameters<typeof callV16>[0] & { protocol?: string };

const POWER_SETTINGS = 'power-settings';

// The owner's power settings again, at each boot and reconnection (a charger may have lost its profiles, or been
// reset to its defaults): straight on the socket the provisioning run holds, one call at a time.
export async function sendPowerSettings(db: Database, client: Caller, { chargerId, callTimeoutMs }: { chargerId: string; callTimeoutMs: number }) {
  const settings = await getPowerSettingsToSend(db, chargerId);
  if (!settings) return null;
  const send: SendProfileCall = async (action, payload) => {
    try {
      // A 2.0.1 charger gets them as the dispatcher sends them (v201-requests.ts); these are no commands of the bus.
      if (client.protocol === 'ocpp2.0.1') {
        const response = await callAsV201(db, client, { id: POWER_SETTINGS, chargerId, action, payload }, { callTimeoutMs });
        return outcomeFromResponse(response as Parameters<typeof outcomeFromResponse>[0]);
      }
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
