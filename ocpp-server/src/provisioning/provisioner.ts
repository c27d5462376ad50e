import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { CHARGER_PROVISION_CHANNEL } from '../../../domain/charging/charger-events';
import { getMeterSettings, recordProvisioning } from '../../../domain/data/charger-traffic/provisioning';
import type { Connections } from '../connections';
import { listenWithSweep } from '../listen-with-sweep';
import type { Logger } from '../logger';
import { provisionCharger } from './provision';
import { recordFeatureProfiles } from '../../../domain/data/charger-traffic/reservations';

type ProvisionerOptions = { db: Database; sql: Sql; connections: Connections; log: Logger; callTimeoutMs: number; delayMs: number };

export type ProvisionReason = 'boot' | 'reconnect' | 'settings';

// Provisions a charger after its BootNotification is answered, when it reconnects without booting (it may have
// been reset to its defaults, or changed by hand), and when the owner changes its meter settings (NOTIFY from the
// web app, acted on by the process holding its socket). The delay lets a booting charger send its
// StatusNotifications first; a run already under way for the charger is not started twice.
export async function startProvisioner({ db, sql, connections, log, callTimeoutMs, delayMs }: ProvisionerOptions) {
  const running = new Map<string, Promise<void>>();

  async function provision(chargerId: string, reason: ProvisionReason) {
    const client = connections.get(chargerId);
    if (!client) return;
    const settings = await getMeterSettings(db, chargerId);
    if (!settings || (reason === 'reconnect' && !settings.hasBooted)) return;
    const { results, featureProfiles } = await provisionCharger(client, settings, { callTimeoutMs });
    if (connections.get(chargerId) !== client && results.every((result) => result.outcome === 'noAnswer')) return;
    await recordProvisioning(db, { chargerId, accountId: settings.accountId }, results);
    if (featureProfiles !== null) await recordFeatureProfiles(db, { chargerId, profiles: featureProfiles });
    log.info({ chargerId, reason, results: results.map(({ key, outcome }) => `${key}: ${outcome}`) }, 'charger provisioned');
  }

  // Settings saved while a run is under way may have been read before the save: one more run follows it.
  const again = new Set<string>();

  function schedule(chargerId: string, reason: ProvisionReason): Promise<void> {
    const current = running.get(chargerId);
    if (current) {
      if (reason === 'settings') again.add(chargerId);
      return current;
    }
    const run = new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref())
      .then(() => provision(chargerId, reason))
      .catch((error: unknown) => log.error({ err: error, chargerId }, 'provisioning failed'))
      .finally(() => {
        running.delete(chargerId);
        if (again.delete(chargerId)) void schedule(chargerId, 'settings');
      });
    running.set(chargerId, run);
    return run;
  }

  const stopListening = await listenWithSweep(sql, CHARGER_PROVISION_CHANNEL, {
    onNotify: (chargerId) => void schedule(chargerId, 'settings'),
    sweep: async () => {},
    sweepEveryMs: 3_600_000,
  });

  return {
    schedule,
    async stop() {
      await stopListening();
      await Promise.all(running.values());
    },
  };
}

export type Provisioner = Awaited<ReturnType<typeof startProvisioner>>;
