import type { AddressInfo } from 'node:net';
import { createDb } from '../../db/client';
import { createDispatcher } from './commands/dispatch';
import { startCommandListener } from './commands/listen';
import type { OcppConfig } from './config';
import { createConnections } from './connections';
import { createOcppHttpServer } from './http-server';
import type { Logger } from './logger';
import { startRevocationListener } from './revocations';
import { startUnconfirmedSessionSweep } from './sessions/unconfirmed-sweep';
import { startReservationSweep } from './reservations/reservation-sweep';
import { startFirmwareFileSweep } from './firmware/file-sweep';
import { startGridReadingsTrim } from './grid/readings-trim';
import { startMeterValuePartitionSweep } from './meter-values/partition-sweep';
import { startDayAheadFetch } from './prices/day-ahead-fetch';
import { startGuestSweep } from './people/guest-sweep';
import { startNotificationDispatcher } from './notifications/dispatcher';
import { startOfflineNoticeSweep } from './notifications/offline-notices';
import { startStatementSweep } from './statements/statement-sweep';
import { startChargingEventsTrim } from './charging-events/trim';
import { startCircuitPlanner } from './circuits/planner';
import { startProvisioner, type ProvisionReason } from './provisioning/provisioner';
import { createRefusalRecorder } from './refusal-recorder';
import { createBackgroundSlots } from './background-slots';
import { limitHeapGrowth } from './heap-growth';
import { startLocalListSyncer } from './local-lists/syncer';
import type { LocalListSyncReason } from './local-lists/sync';
import { createRpcServer } from './server';
import { createAuthorityProvider } from './platform-ca';
import { createBatchedStore } from '../../domain/data/charger-traffic/batched';
import { StatementSlots } from '../../domain/data/charger-traffic/batcher';
import { clearOnlineFlags } from '../../domain/data/charger-traffic/chargers';
import { failInterruptedCommands } from '../../domain/data/charger-traffic/commands';
import { createMessageLog } from '../../domain/data/charger-traffic/message-log';
import { createChargerEventNotifier } from '../../domain/data/charger-traffic/charger-event-notifier';
import { createOcppMetrics } from './metrics/registry';
import { createCallGate } from './ocpp/call-gate';
import { createMessageSummary, startMessageSummaryLog } from './metrics/message-summary';

// A fleet that lost its server comes back within seconds. Node's default accept queue (511) overflows while the
// event loop is busy with the first upgrades, and the kernel then resets the connections it could not queue
// (ECONNRESET for hundreds of chargers in the reconnect storm fault test). The kernel caps it at net.core.somaxconn.
const LISTEN_BACKLOG = 8192;

const CHARGING_EVENTS_TRIM_MS = 60_000;
const FIRMWARE_FILE_SWEEP_MS = 60 * 60_000;
const GRID_READINGS_TRIM_MS = 60 * 60_000;
const METER_VALUE_PARTITION_SWEEP_MS = 60 * 60_000;
// How often to look for day-ahead prices due (each account's are fetched once a day).
const DAY_AHEAD_FETCH_MS = 10 * 60_000;

// A socket held back by the call gate reads again this often: within half a ping interval, so that a pong it owes
// is read before the next ping falls due (ocpp-rpc closes a socket whose previous ping is unanswered then), and
// within 2 s, for chargers' own pings (1.6 WebSocketPingInterval): some drop the link when a pong takes a few
// seconds, whatever our interval.
const MAX_PEEK_MS = 2_000;
const peekEveryMs = (pingIntervalMs: number) => (pingIntervalMs > 0 ? Math.min(pingIntervalMs / 2, MAX_PEEK_MS) : MAX_PEEK_MS);

export async function startOcppServer(config: OcppConfig, log: Logger) {
  limitHeapGrowth(config.heapGrowthPercent);
  // postgres.js keeps its pool's counts to itself: pg_stat_activity shows each instance's connections under this
  // name instead (README, Performance: watching a running server).
  const { db, sql } = createDb(config.databaseUrl, { max: config.databasePoolSize, applicationName: `chargewatch-ocpp ${config.instanceId}` });
  const { instanceId } = config;
  const cleared = await clearOnlineFlags(db, instanceId);
  await failInterruptedCommands(db, instanceId);
  if (cleared > 0) log.info({ cleared, instanceId }, 'cleared online flags left by a previous run');

  const metrics = createOcppMetrics();
  const callGate = createCallGate({ maxInFlight: config.maxCallsInFlight, peekEveryMs: peekEveryMs(config.pingIntervalMs) });
  metrics.countCallsWith(callGate);
  const summary = createMessageSummary();
  const messageMetrics = {
    inFlight: { inc: () => callGate.enter(), dec: () => callGate.leave() },
    finished: (message: Parameters<typeof metrics.finished>[0]) => {
      metrics.finished(message);
      summary.add(message);
    },
  };
  const chargerEvents = createChargerEventNotifier({ db, log });
  const statementSlots = new StatementSlots(config.statementsInFlight);
  const store = createBatchedStore(db, { onBatch: metrics.observeBatch, notifier: chargerEvents, slots: statementSlots });
  const messageLog = createMessageLog({ db, log });
  const refusals = createRefusalRecorder({ db, log });
  let sweepCharger: (chargerId: string) => void = () => {};
  let provision: (chargerId: string, reason: ProvisionReason) => void = () => {};
  let syncLocalList: (chargerId: string, reason: LocalListSyncReason) => void = () => {};
  // Each run speaks to a charger in its own protocol, or leaves it alone (the provisioner and the list syncer check).
  const onConnected = (chargerId: string) => {
    sweepCharger(chargerId);
    provision(chargerId, 'reconnect');
    syncLocalList(chargerId, 'reconnect');
  };
  const onBooted = (chargerId: string) => {
    provision(chargerId, 'boot');
    syncLocalList(chargerId, 'boot');
  };
  const connections = createConnections({ store, instanceId, log, onConnected });
  metrics.countConnectedWith(() => connections.size);
  const dispatcher = createDispatcher({ db, instanceId, connections, log, callTimeoutMs: config.callTimeoutMs, publicUrl: config.publicUrl });
  const authority = createAuthorityProvider({ db, source: config.certificateAuthority, log });
  const rpc = createRpcServer({ db, store, log, connections, messageLog, refusals, ...config, onBooted, authority, messageMetrics, callGate });

  // With TLS the platform CA is needed at once: it verifies the client certificates of profile 3 chargers.
  const clientCa = config.tls ? await authority.certificatePem() : null;
  const http = createOcppHttpServer({ ...config, upgrade: rpc.handleUpgrade, log, clientCa, metrics: metrics.registry });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, resolve);
  });
  const listener = await startCommandListener({ db, store, sql, instanceId, dispatcher, log });
  sweepCharger = (chargerId) => void listener.sweepCharger(chargerId);
  const revocations = await startRevocationListener({ db, sql, connections, log });
  // Provisioning and list syncs wait in one line, so that a fleet booting at once is answered before it is set up;
  // while chargers' messages wait for a statement, one run goes at a time.
  const backgroundSlots = createBackgroundSlots(config.backgroundRuns, { isBusy: () => statementSlots.isContended });
  metrics.countBackgroundRunsWith(backgroundSlots);
  const provisioner = config.isProvisioning
    ? await startProvisioner({ db, sql, connections, log, callTimeoutMs: config.callTimeoutMs, delayMs: config.provisionDelayMs, slots: backgroundSlots })
    : null;
  if (provisioner) provision = (chargerId, reason) => void provisioner.schedule(chargerId, reason);
  const localLists = config.isSyncingLocalLists
    ? await startLocalListSyncer({ db, sql, connections, log, instanceId, callTimeoutMs: config.callTimeoutMs, delayMs: config.provisionDelayMs, slots: backgroundSlots })
    : null;
  if (localLists) syncLocalList = (chargerId, reason) => void localLists.schedule(chargerId, reason);
  const sessionSweep = startUnconfirmedSessionSweep({
    db,
    log,
    heartbeatIntervalSec: config.heartbeatIntervalSec,
    graceSec: config.sessionAwayGraceSec,
    everyMs: config.sessionSweepMs,
  });
  const reservationSweep = startReservationSweep({ db, log, everyMs: config.reservationSweepMs });
  const guestSweep = startGuestSweep({ db, log, everyMs: config.guestSweepMs });
  const notificationDispatcher = startNotificationDispatcher({
    db,
    log,
    everyMs: config.notificationPollMs,
    keepDays: config.notificationKeepDays,
    authSecret: config.certificateAuthority.secret,
  });
  const offlineNoticeSweep = startOfflineNoticeSweep({ db, log, everyMs: config.offlineSweepMs, afterMinutes: config.offlineNoticeMinutes });
  const statementSweep = startStatementSweep({ db, log, everyMs: config.statementSweepMs, authSecret: config.certificateAuthority.secret });
  const circuitPlanner = await startCircuitPlanner({ db, sql, log, everyMs: config.circuitSweepMs });
  const chargingEventsTrim = startChargingEventsTrim({ db, log, everyMs: CHARGING_EVENTS_TRIM_MS });
  const firmwareFileSweep = startFirmwareFileSweep({ db, log, everyMs: FIRMWARE_FILE_SWEEP_MS });
  const gridReadingsTrim = startGridReadingsTrim({ db, log, everyMs: GRID_READINGS_TRIM_MS });
  const meterValuePartitionSweep = startMeterValuePartitionSweep({
    db,
    log,
    everyMs: METER_VALUE_PARTITION_SWEEP_MS,
    retentionMonths: config.meterValuesRetentionMonths,
  });
  const dayAheadFetch = startDayAheadFetch({ db, log, everyMs: DAY_AHEAD_FETCH_MS });
  const summaryLog = startMessageSummaryLog({ summary, log, everyMs: config.messageSummaryMs, countConnected: () => connections.size });
  const port = (http.address() as AddressInfo).port;
  log.info({ port, instanceId, tls: Boolean(config.tls) }, 'ocpp server listening');

  let closing: Promise<void> | null = null;
  async function close() {
    http.close();
    await listener.stop();
    dispatcher.stop();
    await revocations.stop();
    await sessionSweep.stop();
    await reservationSweep.stop();
    await guestSweep.stop();
    await notificationDispatcher.stop();
    await offlineNoticeSweep.stop();
    await statementSweep.stop();
    await circuitPlanner.stop();
    await chargingEventsTrim.stop();
    await firmwareFileSweep.stop();
    await gridReadingsTrim.stop();
    await meterValuePartitionSweep.stop();
    await dayAheadFetch.stop();
    await connections.closeAll();
    await provisioner?.stop();
    await localLists?.stop();
    await rpc.close({ force: true });
    summaryLog.stop();
    await messageLog.close();
    await chargerEvents.close();
    await refusals.close();
    await sql.end({ timeout: 5 });
  }
  return {
    port,
    instanceId,
    db,
    connections,
    messageLog,
    listener,
    revocations,
    sessionSweep,
    reservationSweep,
    guestSweep,
    notificationDispatcher,
    offlineNoticeSweep,
    statementSweep,
    chargingEventsTrim,
    meterValuePartitionSweep,
    circuitPlanner,
    provisioner,
    localLists,
    close: () => (closing ??= close()),
  };
}

export type OcppServer = Awaited<ReturnType<typeof startOcppServer>>;
