import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { CHARGER_PROVISION_CHANNEL } from '../../../domain/charging/charger-events';
import { getMeterSettings, recordProvisioning, type ProvisioningRun } from '../../../domain/data/charger-traffic/provisioning';
import type { BackgroundSlots } from '../background-slots';
import { createChargerRuns } from '../charger-runs';
import type { Connections } from '../connections';
import { listenWithSweep } from '../listen-with-sweep';
import type { Logger } from '../logger';
import { provisionCharger } from './provision';
import { provisionCharger201, readSmartCharging201 } from './provision-201';
import { listSentWindows, replanForChangedLimits } from '../../../domain/data/power-settings';
import { isWeekAnchorStale } from '../../../domain/smart-charging/charging-windows';
import { sendPowerSettings } from '../smart-charging/send-power-settings';

type ProvisionerOptions = { db: Database; sql: Sql; connections: Connections; log: Logger; callTimeoutMs: number; delayMs: number; slots: BackgroundSlots };

export type ProvisionReason = 'boot' | 'reconnect' | 'settings';

// What arrives during a run is run after it, since that run may have read the database before the change; a
// 'reconnect' provisions only a charger that has booted, so a boot or saved settings waiting stand for it.
export const nextProvisionReason = (waiting: ProvisionReason | undefined, arriving: ProvisionReason): ProvisionReason =>
  waiting && waiting !== 'reconnect' ? waiting : arriving;

// The owner's saved power or meter settings: their runs do not wait in the background line.
export const isOwnerProvisionReason = (reason: ProvisionReason) => reason === 'settings';

// Provisions a charger after its BootNotification is answered, when it reconnects without booting (it may have
// been reset to its defaults, or changed by hand), and when the owner changes its meter settings (NOTIFY from the
// web app, acted on by the process holding its socket), one run at a time per charger.
export async function startProvisioner({ db, sql, connections, log, callTimeoutMs, delayMs, slots }: ProvisionerOptions) {
  async function provision(chargerId: string, reason: ProvisionReason) {
    const client = connections.get(chargerId);
    if (!client) return;
    const settings = await getMeterSettings(db, chargerId);
    if (!settings || (reason === 'reconnect' && !settings.hasBooted)) return;
    if (client.protocol === 'ocpp2.0.1') return provision201(chargerId, reason, { client, settings });
    // Reading configuration keys, and the rest below, is 1.6 (ChangeConfiguration, SetChargingProfile of 1.6).
    if (client.protocol !== 'ocpp1.6') return;
    const { results, featureProfiles, smartCharging, configurationKeys } = await provisionCharger(client, settings, { callTimeoutMs });
    if (connections.get(chargerId) !== client && results.every((result) => result.outcome === 'noAnswer')) return;
    await record(chargerId, settings.accountId, { results, featureProfiles, smartCharging, configurationKeys });
    const power = await sendPowerSettings(db, client, { chargerId, callTimeoutMs });
    log.info({ chargerId, reason, power, results: results.map(({ key, outcome }) => `${key}: ${outcome}`) }, 'charger provisioned');
  }

  async function record(chargerId: string, accountId: string, run: ProvisioningRun) {
    const { replanCircuitId } = await recordProvisioning(db, { chargerId, accountId }, run);
    if (replanCircuitId) await replanForChangedLimits(db, { chargerId, circuitId: replanCircuitId });
  }

  // A 2.0.1 charger: its meter sampling through SetVariables, its Smart Charging limits, then the owner's power settings.
  async function provision201(chargerId: string, reason: ProvisionReason, { client, settings }: { client: NonNullable<ReturnType<Connections['get']>>; settings: NonNullable<Awaited<ReturnType<typeof getMeterSettings>>> }) {
    const results = await provisionCharger201(client, settings, { callTimeoutMs });
    if (connections.get(chargerId) !== client && results.every((result) => result.outcome === 'noAnswer')) return;
    const smartCharging = await readSmartCharging201(client, { callTimeoutMs });
    await record(chargerId, settings.accountId, { results, smartCharging });
    const power = await sendPowerSettings(db, client, { chargerId, callTimeoutMs });
    log.info({ chargerId, reason, power, results: results.map(({ key, outcome }) => `${key}: ${outcome}`) }, 'charger provisioned');
  }

  const runs = createChargerRuns<ProvisionReason>({
    delayMs,
    log,
    name: 'provisioning',
    run: provision,
    nextReason: nextProvisionReason,
    skipsLine: isOwnerProvisionReason,
    slots,
    isConnected: (chargerId) => connections.get(chargerId) !== undefined,
  });
  const schedule = runs.schedule;

  // Hourly: the windows sent again to each charger held here whose owner's zone has changed its offset since.
  async function resendShiftedWindows(now = new Date()) {
    const due = (await listSentWindows(db)).filter(({ chargerId, timeZone, sentAt }) => sentAt && connections.get(chargerId) && isWeekAnchorStale(sentAt, now, timeZone));
    for (const { chargerId } of due) void schedule(chargerId, 'settings');
    return due.map(({ chargerId }) => chargerId);
  }

  const stopListening = await listenWithSweep(sql, CHARGER_PROVISION_CHANNEL, {
    onNotify: (chargerId) => void schedule(chargerId, 'settings'),
    sweep: () =>
      resendShiftedWindows().then(
        () => {},
        (error: unknown) => log.error({ err: error }, 'power settings sweep failed'),
      ),
    sweepEveryMs: 3_600_000,
  });

  return {
    schedule,
    resendShiftedWindows,
    async stop() {
      await stopListening();
      await runs.settled();
    },
  };
}

export type Provisioner = Awaited<ReturnType<typeof startProvisioner>>;
